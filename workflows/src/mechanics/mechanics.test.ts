import { describe, expect, it } from 'vitest';

import { availableEvents, describeSnapshot, start, step } from '../engine.js';
import { TEMPLATES } from '../templates/index.js';
import { actor, admin, def, env, l, ok, principalA, subject } from '../test-fixtures.js';

const vice = actor('vice', 'principal', 'school-a');
const clerk = actor('clerk', 'teacher', 'school-a');
const signer = actor('signer', 'groupLead', 'group-1');

const flow = def({
  key: 'mech',
  name: l('办理机制'),
  subject: 'school',
  starters: [{ role: 'bureauAdmin', scope: 'district' }],
  initial: 'draft',
  states: {
    draft: {
      kind: 'task',
      name: l('填报'),
      actors: [{ role: 'principal', scope: 'subject.school' }],
      form: { fields: [{ name: 'report', type: 'textarea', label: l('报告') }] },
      on: { SUBMIT: { to: 'check', requires: ['report'] } },
    },
    check: {
      kind: 'task',
      name: l('审核'),
      actors: [{ role: 'bureauAdmin', scope: 'district' }],
      mechanics: ['TRANSFER', 'RETURN_TO', 'CHASE'],
      on: { APPROVE: { to: 'done' } },
    },
    done: { kind: 'final', name: l('完成'), outcome: 'approved' },
  },
});

const begin = () => ok(start(flow, { subject, initiator: admin }, env)).snapshot;
const types = (s: Record<string, unknown>, a = principalA) => availableEvents(flow, s, a).map((e) => e.type);

describe('save a draft (暂存)', () => {
  it('keeps the step’s form data without moving or enforcing required fields, and still checks types', () => {
    const saved = ok(step(flow, begin(), { type: 'SAVE', data: { report: '初稿' } }, principalA, env));
    expect([saved.state, saved.effects]).toEqual(['draft', []]);
    expect(describeSnapshot(flow, saved.snapshot).data).toEqual({ report: '初稿' });
    expect(step(flow, begin(), { type: 'SAVE', data: { report: 7 } }, principalA, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    // The security self-check requires its items to submit, not to save a draft of the notes.
    const inspection = def(TEMPLATES['security-inspection']);
    const s0 = ok(start(inspection, { subject, initiator: admin, data: { round: 'r', items: [] } }, env)).snapshot;
    expect(ok(step(inspection, s0, { type: 'SAVE', data: { selfCheckNotes: '进行中' } }, principalA, env)).state).toBe(
      'selfCheck',
    );
  });
});

describe('transfer (转办)', () => {
  it('hands the task to one person, who alone may act on it from then on', () => {
    const r = ok(step(flow, begin(), { type: 'TRANSFER', data: { to: 'vice' } }, principalA, env));
    expect(r.effects).toEqual([
      { type: 'reassignTask', taskKey: 'draft:1', candidates: [{ userId: 'vice' }], reason: 'transfer' },
    ]);
    expect(step(flow, r.snapshot, { type: 'SUBMIT', data: { report: 'x' } }, principalA, env)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
    expect(ok(step(flow, r.snapshot, { type: 'SUBMIT', data: { report: 'x' } }, vice, env)).state).toBe('check');
  });

  it('asks for the person and refuses handing to oneself', () => {
    expect(step(flow, begin(), { type: 'TRANSFER' }, principalA, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { to: expect.anything() },
    });
    expect(step(flow, begin(), { type: 'TRANSFER', data: { to: 'pa' } }, principalA, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
  });
});

describe('delegate (委派) and sign-before (前加签)', () => {
  it('sends the task to a delegate who fills it in and hands it back; the delegator then decides', () => {
    const d = ok(step(flow, begin(), { type: 'DELEGATE', data: { to: 'clerk' } }, principalA, env));
    expect(types(d.snapshot)).toEqual([]);
    expect(types(d.snapshot, clerk)).toEqual(['RESOLVE']);
    expect(step(flow, d.snapshot, { type: 'SUBMIT' }, clerk, env)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const back = ok(step(flow, d.snapshot, { type: 'RESOLVE', data: { report: '起草完成' } }, clerk, env));
    expect(back.effects).toEqual([
      {
        type: 'reassignTask',
        taskKey: 'draft:1',
        candidates: [{ role: 'principal', orgId: 'school-a' }],
        reason: 'resolved',
      },
    ]);
    expect(describeSnapshot(flow, back.snapshot).data).toEqual({ report: '起草完成' });
    expect(ok(step(flow, back.snapshot, { type: 'SUBMIT' }, principalA, env)).state).toBe('check');
  });

  it('a signer added before must confirm first', () => {
    const s = ok(
      step(flow, begin(), { type: 'ADD_SIGNER', data: { to: 'signer', position: 'before' } }, principalA, env),
    );
    // The group lead may also chase, as a supervisor; deciding stays with the principal.
    expect(types(s.snapshot, signer)).toEqual(['RESOLVE', 'CHASE']);
    expect(types(s.snapshot)).toEqual([]);
    const back = ok(step(flow, s.snapshot, { type: 'RESOLVE' }, signer, env));
    expect(types(back.snapshot)).toContain('SUBMIT');
  });
});

describe('sign-after (后加签)', () => {
  it('holds the handler’s move until every added signer signs, then applies it with its data', () => {
    const a = ok(
      step(flow, begin(), { type: 'ADD_SIGNER', data: { to: 'signer', position: 'after' } }, principalA, env),
    );
    const held = ok(step(flow, a.snapshot, { type: 'SUBMIT', data: { report: '报告正文' } }, principalA, env));
    expect(held.state).toBe('draft');
    expect(held.effects[0]).toEqual({
      type: 'reassignTask',
      taskKey: 'draft:1',
      candidates: [{ userId: 'signer' }],
      reason: 'signAfter',
    });
    expect(types(held.snapshot)).toEqual([]);
    const declined = step(flow, held.snapshot, { type: 'DECLINE_SIGN' }, signer, env);
    expect(declined).toMatchObject({ ok: false, code: 'COMMENT_REQUIRED' });
    const signed = ok(step(flow, held.snapshot, { type: 'SIGN' }, signer, env));
    expect(signed.state).toBe('check');
    expect(describeSnapshot(flow, signed.snapshot).data).toEqual({ report: '报告正文' });
  });

  it('a declined signature gives the task back to the handler, who must go through the signer again', () => {
    const a = ok(
      step(flow, begin(), { type: 'ADD_SIGNER', data: { to: 'signer', position: 'after' } }, principalA, env),
    );
    const held = ok(step(flow, a.snapshot, { type: 'SUBMIT', data: { report: 'v1' } }, principalA, env));
    const back = ok(step(flow, held.snapshot, { type: 'DECLINE_SIGN', comment: '数据有误' }, signer, env));
    expect(back.state).toBe('draft');
    const again = ok(step(flow, back.snapshot, { type: 'SUBMIT', data: { report: 'v2' } }, principalA, env));
    expect(again.state).toBe('draft');
    expect(ok(step(flow, again.snapshot, { type: 'SIGN' }, signer, env)).state).toBe('check');
  });
});

describe('copy-to, chase, return to a chosen step', () => {
  it('copies to readers and lets supervisors chase the handler', () => {
    const c = ok(step(flow, begin(), { type: 'COPY_TO', data: { to: ['u1', 'u2'] } }, principalA, env));
    expect(c.effects[0]).toEqual({ type: 'addReaders', userIds: ['u1', 'u2'] });
    expect(describeSnapshot(flow, c.snapshot).readers).toEqual(['u1', 'u2']);
    const chased = ok(step(flow, c.snapshot, { type: 'CHASE' }, admin, env));
    expect(chased.effects).toEqual([
      { type: 'notify', kind: 'chase', state: 'draft', to: [{ role: 'principal', orgId: 'school-a' }] },
    ]);
    expect(step(flow, c.snapshot, { type: 'CHASE' }, principalA, env)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('returns to an earlier step chosen from those visited, with a comment, only where the step allows it', () => {
    const atCheck = ok(step(flow, begin(), { type: 'SUBMIT', data: { report: 'r' } }, principalA, env)).snapshot;
    const offered = availableEvents(flow, atCheck, admin).find((e) => e.type === 'RETURN_TO');
    expect(offered?.choices?.map((c) => c.state)).toEqual(['draft']);
    expect(step(flow, atCheck, { type: 'RETURN_TO', data: { to: 'draft' } }, admin, env)).toMatchObject({
      ok: false,
      code: 'COMMENT_REQUIRED',
    });
    expect(step(flow, atCheck, { type: 'RETURN_TO', data: { to: 'done' }, comment: '重填' }, admin, env)).toMatchObject(
      { ok: false, code: 'VALIDATION' },
    );
    const back = ok(step(flow, atCheck, { type: 'RETURN_TO', data: { to: 'draft' }, comment: '重填' }, admin, env));
    expect(back.state).toBe('draft');
    // The draft step does not enable RETURN_TO, nor does check enable DELEGATE.
    expect(
      step(flow, back.snapshot, { type: 'RETURN_TO', data: { to: 'check' }, comment: 'x' }, principalA, env),
    ).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
    expect(step(flow, atCheck, { type: 'DELEGATE', data: { to: 'x' } }, admin, env)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
  });
});
