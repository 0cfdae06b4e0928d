import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { TEMPLATES } from './engine.js';

/**
 * Low-code means the definition decides: code that compares a built-in workflow key, step name or form
 * field name loses that behaviour for a bureau's copy, a new version or a renamed step or field. This scans the API and the
 * console for such comparisons; the registry and the templates live in workflows/ and are not scanned.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KEYS = Object.keys(TEMPLATES);
const STEPS = [...new Set(Object.values(TEMPLATES).flatMap((d) => Object.keys(d.states)))];
// The built-in forms' field names: a control or a rule chosen by one is lost when a copy renames the field.
const FIELDS = [
  ...new Set(
    Object.values(TEMPLATES).flatMap((d) =>
      [d.startForm, ...Object.values(d.states).map((s) => ('form' in s ? s.form : undefined))].flatMap(
        (f) => f?.fields?.map((x) => x.name) ?? [],
      ),
    ),
  ),
];
const alt = (words: string[]) => words.map((w) => w.replace(/[-]/g, '\\-')).join('|');
const q = `['"\`]`;

const PATTERNS: Array<{ why: string; re: RegExp }> = [
  {
    why: 'compares a workflow key',
    re: new RegExp(`[!=]==\\s*${q}(${alt(KEYS)})${q}|${q}(${alt(KEYS)})${q}\\s*[!=]==`),
  },
  { why: 'compares a workflow key', re: new RegExp(`(case|eq\\([^)]*,)\\s*${q}(${alt(KEYS)})${q}`) },
  { why: 'filters by a workflow key', re: new RegExp(`(definitionKey|key)\\s*[:=]\\s*${q}?(${alt(KEYS)})\\b`) },
  {
    why: 'compares a step name',
    re: new RegExp(`state\\s*[!=]==\\s*${q}(${alt(STEPS)})${q}|${q}(${alt(STEPS)})${q}\\s*[!=]==\\s*[\\w.]*state\\b`),
  },
  {
    why: 'compares a step name',
    re: new RegExp(
      `eq\\([\\w.]*state,\\s*${q}(${alt(STEPS)})${q}\\)|state\\S*\\s+(not\\s+)?in\\s*\\([^)]*'(${alt(STEPS)})'`,
    ),
  },
  {
    why: 'reads a step by name',
    re: new RegExp(`(collections|states|parts)(\\.(${alt(STEPS)})\\b|\\[${q}(${alt(STEPS)})${q}\\])`),
  },
  { why: 'defaults to a step name', re: new RegExp(`state\\s*(\\?\\?|\\|\\|)\\s*${q}(${alt(STEPS)})${q}`) },
  { why: 'names a step in a constant', re: new RegExp(`const\\s+[A-Z_]+\\s*=\\s*${q}(${alt(STEPS)})${q}`) },
  { why: 'compares a field name', re: new RegExp(`\\bname\\s*[!=]==\\s*${q}(${alt(FIELDS)})${q}`) },
];

/** Each offending line, as `path:line: why`. */
export function keyedComparisons(source: string, file: string): string[] {
  return source
    .split('\n')
    .flatMap((line, i) =>
      PATTERNS.filter((p) => p.re.test(line)).map((p) => `${file}:${i + 1}: ${p.why}: ${line.trim()}`),
    );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'test' ? [] : sources(path);
    // Tests and their fixtures (imported by tests only) name the built-in templates on purpose.
    return /\.tsx?$/.test(name) && !/\.(test|fixture)\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('no behaviour wired to a built-in key, step name or field name', () => {
  it('finds the kinds of comparison it guards against (so a pass means something)', () => {
    const bad = [
      "if (def.key === 'teaching-award' && row.state === 'preliminary') {",
      "const ids = db.select().from(definitions).where(eq(definitions.key, 'campus-entry'));",
      "useInstances({ definitionKey: 'security-inspection' })",
      "navigate('/instances/create?definitionKey=campus-entry')",
      "const REVIEW = 'bureauReview';",
      'const parts = describeSnapshot(def, s).collections.expertReview?.parts;',
      "sql`${instances.state} in ('publicNotice', 'objectionReview', 'awarded')`",
      "if (before.state === 'verification' && after.state === 'rectification') {",
      "state: inst?.state ?? 'rectification',",
      "if (field.name === 'itemCode' && !field.options?.length) {",
    ];
    for (const line of bad) expect(keyedComparisons(line, 'sample.ts'), line).not.toEqual([]);
    const fine = [
      "if (finding.status === 'closed') return;",
      "tags: ['campus-entry'],",
      "const mergeable = view.outcome === 'merged';",
      "if (s.kind === 'collect') {",
      "const resultColumn = columns.find((c) => c.name === 'result');",
    ];
    for (const line of fine) expect(keyedComparisons(line, 'sample.ts'), line).toEqual([]);
  });

  it('api/src and admin/src compare no built-in workflow key, step name or field name', () => {
    const found = ['api/src', 'admin/src'].flatMap((dir) =>
      sources(join(ROOT, dir)).flatMap((file) => keyedComparisons(readFileSync(file, 'utf8'), relative(ROOT, file))),
    );
    expect(found).toEqual([]);
  });
});
