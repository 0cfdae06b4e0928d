import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { refusalFindings } from './refusal-pattern.js';

const FEATURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'features');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });

describe('one way to refuse (ADR 0027)', () => {
  it('no use-case throws inside its transaction, refuses on a bare ability check, or makes its own error class', () => {
    const findings = sources(FEATURES).flatMap((f) => refusalFindings(readFileSync(f, 'utf8'), relative(FEATURES, f)));
    expect(findings).toEqual([]);
  });

  it('finds each of the other ways', () => {
    const bad = `
      class Refused extends Error {}
      export function a(deps, ability) {
        if (!ability.can('read', 'Thing')) throw new AppError('FORBIDDEN');
        return txOrThrow(deps.db, () => {
          if (!ok) { throw new AppError('VALIDATION'); }
          rows.map(() => { throw new AppError('NOT_FOUND').recorded(); });
          return 1;
        });
      }`;
    expect(refusalFindings(bad, 'x.ts')).toEqual([
      'x.ts:2: declares Refused (AppError is the one error type)',
      'x.ts:4: refuses on a bare ability check (use authorize(), which audits the denial)',
      'x.ts:6: throws inside txOrThrow (return the refusal, or rollback() after a write)',
      'x.ts:7: throws inside txOrThrow (return the refusal, or rollback() after a write)',
    ]);
    const good = `
      export function b(deps, actor) {
        return txOrThrow(deps.db, () => {
          const denied = authorize(deps, actor, { action: 'act', type: 'Instance', auditAction: 'x' });
          if (denied) return denied;
          function later() { throw new AppError('VALIDATION'); }
          if (late) rollback(new AppError('GUARD_FAILED'));
          return later;
        });
      }`;
    expect(refusalFindings(good, 'y.ts')).toEqual([]);
  });
});
