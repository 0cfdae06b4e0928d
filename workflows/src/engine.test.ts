import { describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from './actors.js';
import { availableEvents, describeSnapshot, start, step } from './engine.js';
import { TEMPLATES } from './templates/index.js';
import { actor, admin, def, env, ok, principalA, principalB, subject } from './test-fixtures.js';

const inspection = def(TEMPLATES['security-inspection']);
const inspector = actor('insp', 'inspector', 'district');
const otherInspector = actor('insp2', 'inspector', 'district');
const items = [
  { code: 'P1', layer: '物理安全', title: '机房门禁' },
  { code: 'N1', layer: '网络安全', title: '无弱口令' },
];
const answered = (fail: boolean) => items.map((i, k) => ({ ...i, result: fail && k === 1 ? 'fail' : 'pass' }));
const begin = () =>
  ok(
    start(
      inspection,
      { subject, initiator: admin, data: { round: '2026年秋季', items }, assignments: { inspector: ['insp'] } },
      env,
    ),
  );

describe('start', () => {
  it('enters the initial state, opens a task for the school principal and schedules its deadline timers', () => {
    const r = begin();
    expect(r.state).toBe('selfCheck');
    expect(r.status).toBe('running');
    const open = r.effects.find((e) => e.type === 'openTask');
    expect(open).toMatchObject({
      taskKey: 'selfCheck:1',
      candidates: [{ role: 'principal', orgId: 'school-a' }],
      purpose: 'act',
    });
    // 10 school working days from Monday 2026-11-23 is Monday 2026-12-07, end of day in CST.
    expect(open?.type === 'openTask' && open.dueAt).toBe('2026-12-07T15:59:59.000Z');
    expect(
      r.effects.filter((e) => e.type === 'scheduleTimer').map((e) => e.type === 'scheduleTimer' && e.timerKey),
    ).toEqual(['selfCheck:1:due', 'selfCheck:1:remind']);
  });

  it('refuses a starter without the role and a start form that fails validation', () => {
    const refused = start(inspection, { subject, initiator: principalA, data: { round: 'x' } }, env);
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const invalid = start(inspection, { subject, initiator: admin, data: { round: 'x'.repeat(61), bogus: 1 } }, env);
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(['bogus', 'round']);
  });
});

describe('step on task states', () => {
  it('runs the security inspection to the end through findings, rectification and verification', () => {
    const s1 = ok(
      step(inspection, begin().snapshot, { type: 'SUBMIT', data: { items: answered(true) } }, principalA, env),
    );
    expect(s1.state).toBe('inspection');
    expect(s1.effects).toContainEqual({ type: 'closeTask', taskKey: 'selfCheck:1', outcome: 'SUBMIT', byUserId: 'pa' });
    expect(s1.effects).toContainEqual(
      expect.objectContaining({ type: 'openTask', taskKey: 'inspection:1', candidates: [{ userId: 'insp' }] }),
    );
    // One finding per failed item (the API's findings ledger completes rows the inspector left out).
    const code = items[1].code;
    const s2 = ok(
      step(
        inspection,
        s1.snapshot,
        {
          type: 'RAISE_FINDINGS',
          comment: '存在弱口令',
          data: { findings: [{ code, severity: 'high', workdays: 5 }] },
        },
        inspector,
        env,
      ),
    );
    const s3 = ok(
      step(
        inspection,
        s2.snapshot,
        { type: 'SUBMIT_RECTIFICATION', data: { rectifications: [{ code, note: '已修改全部口令' }] } },
        principalA,
        env,
      ),
    );
    expect(s3.state).toBe('verification');
    const s4 = ok(step(inspection, s3.snapshot, { type: 'APPROVE' }, inspector, env));
    expect([s4.state, s4.status, s4.outcome]).toEqual(['closed', 'completed', 'closed']);
    expect(describeSnapshot(inspection, s4.snapshot).trail).toEqual([
      'selfCheck',
      'inspection',
      'rectification',
      'verification',
      'closed',
    ]);
    expect(step(inspection, s4.snapshot, { type: 'APPROVE' }, inspector, env)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
  });

  it('refuses, with the rule that refused, a submit before every item is answered', () => {
    const r = step(inspection, begin().snapshot, { type: 'SUBMIT' }, principalA, env);
    expect(r).toMatchObject({ ok: false, code: 'GUARD_FAILED', rule: 'allItemsAnswered' });
    if (!r.ok) expect(r.message['zh-CN']).toBe('还有 2 个检查项未填写');
  });

  it('refuses the principal of another school, an assigned-only step for a non-assigned inspector, and unknown events', () => {
    const s0 = begin().snapshot;
    expect(step(inspection, s0, { type: 'SUBMIT', data: { items: answered(false) } }, principalB, env)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const s1 = ok(step(inspection, s0, { type: 'SUBMIT', data: { items: answered(false) } }, principalA, env)).snapshot;
    expect(step(inspection, s1, { type: 'PASS', comment: '合格' }, otherInspector, env)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(step(inspection, s1, { type: 'SUBMIT' }, inspector, env)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
  });

  it('requires a comment where the definition says so, and required fields of the step', () => {
    const s1 = ok(
      step(inspection, begin().snapshot, { type: 'SUBMIT', data: { items: answered(false) } }, principalA, env),
    ).snapshot;
    expect(step(inspection, s1, { type: 'PASS' }, inspector, env)).toMatchObject({
      ok: false,
      code: 'COMMENT_REQUIRED',
    });
    const s2 = ok(step(inspection, s1, { type: 'RETURN', comment: '自查不实' }, inspector, env));
    expect(s2.state).toBe('selfCheck');
    expect(s2.effects).toContainEqual(expect.objectContaining({ type: 'openTask', taskKey: 'selfCheck:2' }));
  });

  it('keeps the bureau’s checklist as issued: the school fills results but cannot edit or drop items', () => {
    const s0 = begin().snapshot;
    const renamed = answered(false).map((i, k) => (k === 0 ? { ...i, title: '已改名' } : i));
    const r = step(inspection, s0, { type: 'SUBMIT', data: { items: renamed } }, principalA, env);
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!r.ok) expect(r.fieldErrors?.items?.en).toBe('"Item" in row 1 of "Checklist items" cannot be changed');
    expect(
      step(inspection, s0, { type: 'SUBMIT', data: { items: answered(false).slice(1) } }, principalA, env),
    ).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('refuses data for fields the step may not edit, and wrong types, with a message per field', () => {
    const r = step(
      inspection,
      begin().snapshot,
      { type: 'SUBMIT', data: { round: '改批次', selfCheckNotes: 42 } },
      principalA,
      env,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('VALIDATION');
      expect(r.fieldErrors?.round?.en).toMatch(/cannot be changed/);
      expect(r.fieldErrors?.selfCheckNotes?.en).toMatch(/must be text/);
    }
  });
});

describe('availableEvents', () => {
  it('lists what this actor may do, flags blocked ones by rule, and nothing for outsiders', () => {
    const s0 = begin().snapshot;
    expect(availableEvents(inspection, s0, principalA).filter((e) => !e.mechanic)).toEqual([
      expect.objectContaining({
        type: 'SUBMIT',
        to: 'inspection',
        requires: ['items'],
        blockedBy: expect.objectContaining({ rule: 'allItemsAnswered' }),
      }),
    ]);
    expect(availableEvents(inspection, s0, principalB)).toEqual([]);
    const s1 = ok(step(inspection, s0, { type: 'SUBMIT', data: { items: answered(true) } }, principalA, env)).snapshot;
    const ev = availableEvents(inspection, s1, inspector).filter((e) => !e.mechanic);
    expect(ev.map((e) => [e.type, e.commentRequired, e.blockedBy?.rule ?? null])).toEqual([
      ['RAISE_FINDINGS', true, null],
      ['PASS', true, 'noFailedItems'],
      ['RETURN', true, null],
    ]);
  });
});

describe('deadline timers', () => {
  const system = SYSTEM_ACTOR;
  it('a reminder notifies without moving; the deadline opens an escalation task for the bureau', () => {
    const s0 = begin().snapshot;
    const remind = ok(
      step(inspection, s0, { type: 'TIMER', timer: 'remind', state: 'selfCheck', visit: 1 }, system, env),
    );
    expect(remind.state).toBe('selfCheck');
    expect(remind.effects).toEqual([expect.objectContaining({ type: 'notify', kind: 'reminder' })]);
    const due = ok(
      step(inspection, remind.snapshot, { type: 'TIMER', timer: 'due', state: 'selfCheck', visit: 1 }, system, env),
    );
    expect(due.effects).toContainEqual(
      expect.objectContaining({
        type: 'openTask',
        taskKey: 'selfCheck:1:escalation',
        purpose: 'escalation',
        candidates: [{ role: 'bureauReviewer', orgId: 'district' }],
      }),
    );
  });

  it('ignores a timer from an earlier visit and refuses TIMER from a person', () => {
    const s0 = begin().snapshot;
    expect(
      step(inspection, s0, { type: 'TIMER', timer: 'due', state: 'selfCheck', visit: 0 }, system, env),
    ).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
    expect(
      step(inspection, s0, { type: 'TIMER', timer: 'due', state: 'selfCheck', visit: 1 }, principalA, env),
    ).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
  });
});

describe('moves that send work back', () => {
  it('do not demand the step’s required fields (validate: false)', () => {
    const d = def({
      key: 'withdrawable',
      name: { 'zh-CN': '可撤回', en: 'Withdrawable' },
      subject: 'school',
      starters: [{ role: 'principal', scope: 'subject.school' }],
      initial: 'fill',
      states: {
        fill: {
          kind: 'task',
          name: { 'zh-CN': '填报', en: 'Fill' },
          actors: [{ role: 'principal', scope: 'subject.school' }],
          form: {
            fields: [{ name: 'report', type: 'textarea', label: { 'zh-CN': '报告', en: 'Report' }, required: true }],
          },
          on: { SUBMIT: { to: 'done' }, WITHDRAW: { to: 'withdrawn', validate: false } },
        },
        done: { kind: 'final', name: { 'zh-CN': '完成', en: 'Done' } },
        withdrawn: { kind: 'final', name: { 'zh-CN': '已撤回', en: 'Withdrawn' }, outcome: 'withdrawn' },
      },
    });
    const s0 = ok(start(d, { subject, initiator: principalA }, env)).snapshot;
    expect(step(d, s0, { type: 'SUBMIT' }, principalA, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { report: expect.anything() },
    });
    expect(ok(step(d, s0, { type: 'WITHDRAW' }, principalA, env)).outcome).toBe('withdrawn');
  });
});
