import { describe, expect, it } from 'vitest';

import { parseDefinition } from '../definition/validate.js';
import { start, step } from '../engine.js';
import { TEMPLATES } from '../templates/index.js';
import { actor, def, env, ok, reviewFlow, subject } from '../test-fixtures.js';
import { periodField, periodOf } from './period-field.js';
import { actionBlocks, declares, startBlocks, stepBlocks, usesOf } from './sites.js';

type Json = Record<string, unknown>;
const clone = (key: string): Json => structuredClone(TEMPLATES[key]) as unknown as Json;
/** The object at a dotted path of a definition document (tests edit documents as a designer would). */
const at = (doc: Json, path: string): Json => path.split('.').reduce<Json>((o, k) => o[k] as Json, doc);
const errorsOf = (input: unknown) => {
  const p = parseDefinition(input);
  return p.ok ? [] : p.errors.map((e) => ({ path: e.path, code: e.code, en: e.message.en }));
};

describe('the four templates declare their blocks', () => {
  it('each parses, and each block is found where the template puts it, with defaults applied', () => {
    const inspection = def(TEMPLATES['security-inspection']);
    expect(startBlocks(inspection).map((u) => u.name)).toEqual(['checklistItems']);
    // The ledger completes the findings before the deadline is read off them.
    expect(actionBlocks(inspection, 'inspection', 'RAISE_FINDINGS').map((u) => u.name)).toEqual([
      'findingsLedger',
      'rectificationDeadline',
    ]);
    expect(usesOf(inspection, 'findingsLedger').map((u) => u.params.op)).toEqual([
      'raise',
      'handIn',
      'close',
      'reopen',
    ]);
    const award = def(TEMPLATES['teaching-award']);
    expect(actionBlocks(award, 'preliminary', 'PASS')[0]).toMatchObject({
      name: 'assignExperts',
      params: { field: 'experts', avoid: ['school', 'group'] },
    });
    expect(usesOf(award, 'trimmedMean')[0]?.params).toMatchObject({
      from: 'expertReview',
      trimFrom: 5,
      outlierThreshold: 15,
    });
    expect(declares(def(TEMPLATES['bundled-assessment']), 'groupRollUp')).toBe(true);
    const entry = def(TEMPLATES['campus-entry']);
    expect(stepBlocks(entry, 'autoCheck')[0]?.params).toMatchObject({
      fact: 'entryRefusals',
      rules: expect.arrayContaining(['onWhitelist', 'schoolCap']),
    });
  });
});

describe('parseDefinition refuses blocks that cannot run, with the JSON path', () => {
  it('an unknown block', () => {
    const d = clone('security-inspection');
    d.startBlocks = [{ name: 'checklistItemz' }];
    expect(errorsOf(d)).toEqual([expect.objectContaining({ path: 'startBlocks.0.name', code: 'UNKNOWN_BLOCK' })]);
  });

  it('bad parameters, at the parameter', () => {
    const d = clone('teaching-award');
    at(d, 'states.preliminary.on.PASS').blocks = [{ name: 'assignExperts', params: { field: 'experts', count: 0 } }];
    expect(errorsOf(d)).toEqual([
      expect.objectContaining({ path: 'states.preliminary.on.PASS.blocks.0.params.count', code: 'BAD_BLOCK_PARAMS' }),
    ]);
  });

  it('a block placed where it does not belong', () => {
    const d = clone('security-inspection');
    at(d, 'states.selfCheck').blocks = [{ name: 'checklistItems' }];
    expect(errorsOf(d)).toEqual([
      expect.objectContaining({ path: 'states.selfCheck.blocks.0', code: 'BLOCK_PLACEMENT' }),
    ]);
  });

  it('a renamed collect step the scoring still names, and a missing field', () => {
    const d = clone('teaching-award');
    const states = at(d, 'states');
    states.expertScoring = states.expertReview;
    delete states.expertReview;
    at(d, 'states.preliminary.on.PASS').to = 'expertScoring';
    at(d, 'states.objectionReview.on.REOPEN').to = 'expertScoring';
    const form = at(d, 'states.ranking.form');
    form.fields = (form.fields as Json[]).filter((f) => f.name !== 'level');
    const errors = errorsOf(d);
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: 'states.ranking.on.PUBLISH.blocks.0.params.from',
        code: 'BLOCK_INPUT',
        en: expect.stringContaining('"expertReview" does not exist'),
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ path: 'states.ranking.on.PUBLISH.blocks.1.params.levelField', code: 'BLOCK_INPUT' }),
    );
  });

  it('a checklist prefill whose table lacks the checklist columns, and a rule set no guard reads', () => {
    const d = clone('security-inspection');
    const items = (at(d, 'startForm').fields as Json[]).find((f) => f.name === 'items')!;
    items.columns = (items.columns as Json[]).filter((c) => c.name !== 'layer');
    expect(errorsOf(d)).toContainEqual(
      expect.objectContaining({
        path: 'startBlocks.0.params.field',
        code: 'BLOCK_INPUT',
        en: expect.stringContaining('layer'),
      }),
    );
    const e = clone('campus-entry');
    at(e, 'states.autoCheck.blocks.0.params').fact = 'otherRefusals';
    expect(errorsOf(e)).toContainEqual(
      expect.objectContaining({ path: 'states.autoCheck.blocks.0.params.fact', code: 'BLOCK_INPUT' }),
    );
  });

  it('expert assignment on an action that does not assign the field', () => {
    const d = clone('teaching-award');
    delete at(d, 'states.preliminary.on.PASS').assigns;
    expect(errorsOf(d)).toContainEqual(
      expect.objectContaining({ path: 'states.preliminary.on.PASS.blocks.0.params.field', code: 'BLOCK_INPUT' }),
    );
  });
});

describe('the engine says which declared action it took', () => {
  it('a direct move and a deciding vote report `moved`; a vote that decides nothing does not', () => {
    const d = def(reviewFlow({ policy: 'all' }));
    const principal = actor('pa', 'principal', 'school-a');
    const env2 = { ...env, reviewers: { review: ['r1', 'r2'] } };
    const s0 = ok(start(d, { subject, initiator: principal, data: { title: 't' } }, env2));
    const s1 = ok(step(d, s0.snapshot, { type: 'SUBMIT' }, principal, env2));
    expect(s1.effects).toContainEqual({ type: 'moved', from: 'draft', event: 'SUBMIT', to: 'review' });
    const v1 = ok(step(d, s1.snapshot, { type: 'APPROVE' }, actor('r1', 'bureauReviewer', 'district'), env2));
    expect(v1.effects.some((e) => e.type === 'moved')).toBe(false);
    const v2 = ok(step(d, v1.snapshot, { type: 'APPROVE' }, actor('r2', 'bureauReviewer', 'district'), env2));
    expect(v2.effects).toContainEqual({ type: 'moved', from: 'review', event: 'APPROVE', to: 'done' });
  });
});

// Issue 11: the field that places an instance in a reporting period comes from its blocks, so a copy
// that renames the field keeps its reports on the index.
describe('periodField', () => {
  it("names each template's period field, follows a renamed one, and has none where no block names one", () => {
    expect(periodField(def(TEMPLATES['campus-entry']))).toBe('activityDate');
    expect(periodField(def(TEMPLATES['security-inspection']))).toBe('round');
    expect(periodField(def(TEMPLATES['bundled-assessment']))).toBe('cycle');
    expect(periodField(def(TEMPLATES['teaching-award']))).toBeNull();
    const copy = clone('campus-entry');
    const rules = JSON.stringify(copy).replaceAll('"activityDate"', '"visitDay"');
    const renamed = def(JSON.parse(rules));
    expect(periodField(renamed)).toBe('visitDay');
    expect(periodOf(renamed, { visitDay: '2026-12-01', activityDate: '2026-01-01' })).toBe('2026-12-01');
    expect(periodOf(renamed, { visitDay: 3 })).toBeNull();
  });
});
