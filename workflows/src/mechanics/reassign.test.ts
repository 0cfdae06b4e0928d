import { describe, expect, it } from 'vitest';

import type { TJoin } from '../definition/schema.js';
import { availableEvents, describeSnapshot, start, step } from '../engine.js';
import { actor, admin, def, env, l, ok, principalA, reviewers, reviewFlow, subject } from '../test-fixtures.js';

const [r1, r2, r3] = reviewers;
const r4 = actor('r4', 'bureauReviewer', 'district');
const insp1 = actor('i1', 'inspector', 'district');
const insp2 = actor('i2', 'inspector', 'district');
const reassign = (from: string, to: string) => ({ type: 'REASSIGN', data: { from, to } });

/** An inspector assigned at the start inspects, then (assigned again by the form) a panel of experts scores. No step offers 转办. */
const assigned = def({
  key: 'assigned-flow',
  name: l('指派'),
  subject: 'school',
  starters: [{ role: 'bureauAdmin', scope: 'district' }],
  initial: 'inspect',
  states: {
    inspect: {
      kind: 'task',
      name: l('检查'),
      actors: [{ role: 'inspector', scope: 'assigned' }],
      mechanics: [],
      on: { SUBMIT: { to: 'choose' } },
    },
    choose: {
      kind: 'task',
      name: l('选专家'),
      actors: [{ role: 'bureauAdmin', scope: 'district' }],
      form: { fields: [{ name: 'verifiers', type: 'multiselect', label: l('复核人') }] },
      mechanics: [],
      on: { ASSIGN: { to: 'verify', assigns: { role: 'inspector', field: 'verifiers' } } },
    },
    verify: {
      kind: 'review',
      name: l('复核'),
      assignees: { role: 'inspector', scope: 'assigned' },
      join: { policy: 'all' },
      mechanics: [],
      on: { APPROVE: { to: 'done' }, REJECT: { to: 'inspect' } },
    },
    done: { kind: 'final', name: l('完成'), outcome: 'approved' },
  },
});

describe('REASSIGN: a task step and the assignments behind later steps', () => {
  const begin = () =>
    ok(start(assigned, { subject, initiator: admin, assignments: { inspector: ['i1'] } }, env)).snapshot;

  it('hands the open task to the successor where the step offers no transfer, and the next steps go to them too', () => {
    expect(step(assigned, begin(), { type: 'TRANSFER', data: { to: 'i2' } }, insp1, env)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
    const r = ok(step(assigned, begin(), reassign('i1', 'i2'), admin, env));
    expect(r.state).toBe('inspect');
    expect(r.effects).toEqual([
      { type: 'reassignTask', taskKey: 'inspect:1', candidates: [{ userId: 'i2' }], reason: 'reassign' },
    ]);
    expect(describeSnapshot(assigned, r.snapshot).assignments).toEqual({ inspector: ['i2'] });
    expect(step(assigned, r.snapshot, { type: 'SUBMIT' }, insp1, env)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const moved = ok(step(assigned, r.snapshot, { type: 'SUBMIT' }, insp2, env));
    // Sent back from the review later, the inspection opens for the successor, not the departed inspector.
    const chosen = ok(step(assigned, moved.snapshot, { type: 'ASSIGN', data: { verifiers: ['i2'] } }, admin, env));
    const back = ok(step(assigned, chosen.snapshot, { type: 'REJECT' }, insp2, env));
    expect(back.effects).toContainEqual(
      expect.objectContaining({ type: 'openTask', taskKey: 'inspect:2', candidates: [{ userId: 'i2' }] }),
    );
  });

  it('replaces the person in a form field that assigned them, so the review they were chosen for opens for the successor', () => {
    const s = ok(step(assigned, begin(), { type: 'SUBMIT' }, insp1, env)).snapshot;
    const chosen = ok(step(assigned, s, { type: 'ASSIGN', data: { verifiers: ['i1', 'r4'] } }, admin, env));
    const r = ok(step(assigned, chosen.snapshot, reassign('i1', 'i2'), admin, env));
    expect(r.effects).toEqual([
      { type: 'closeTask', taskKey: 'verify:1:i1', outcome: 'REASSIGN', byUserId: 'admin' },
      {
        type: 'openTask',
        taskKey: 'verify:1:i2',
        state: 'verify',
        candidates: [{ userId: 'i2' }],
        dueAt: null,
        purpose: 'review',
      },
    ]);
    const seen = describeSnapshot(assigned, r.snapshot);
    expect([seen.assignments, seen.data.verifiers, seen.reviews.verify?.assignees]).toEqual([
      { inspector: ['i2', 'r4'] },
      ['i2', 'r4'],
      ['i2', 'r4'],
    ]);
  });

  it('is for a bureau administrator only, needs both people, refuses when there is nothing to hand over or the instance is finished', () => {
    expect(step(assigned, begin(), reassign('i1', 'i2'), principalA, env)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(step(assigned, begin(), { type: 'REASSIGN', data: { from: 'i1' } }, admin, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { to: expect.anything() },
    });
    expect(step(assigned, begin(), reassign('i1', 'i1'), admin, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { to: expect.anything() },
    });
    expect(step(assigned, begin(), reassign('nobody', 'i2'), admin, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { from: expect.anything() },
    });
    // Not offered among an admin's actions: it is a bureau tool, fired from the people page.
    expect(availableEvents(assigned, begin(), admin).map((e) => e.type)).not.toContain('REASSIGN');
    const s = ok(step(assigned, begin(), { type: 'SUBMIT' }, insp1, env)).snapshot;
    const v = ok(step(assigned, s, { type: 'ASSIGN', data: { verifiers: ['i1'] } }, admin, env)).snapshot;
    const done = ok(step(assigned, v, { type: 'APPROVE' }, insp1, env)).snapshot;
    expect(step(assigned, done, reassign('i1', 'i2'), admin, env)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
  });

  it('a definition may not declare REASSIGN itself', () => {
    expect(() =>
      def({
        ...reviewFlow({ policy: 'all' }),
        states: {
          ...reviewFlow({ policy: 'all' }).states,
          draft: {
            kind: 'task',
            name: l('填报'),
            actors: [{ role: 'principal', scope: 'subject.school' }],
            on: { REASSIGN: { to: 'review' } },
          },
        },
      }),
    ).toThrow();
  });
});

describe('REASSIGN of someone holding a step for another (委派)', () => {
  const flow = def({
    key: 'delegated',
    name: l('委派'),
    subject: 'school',
    starters: [{ role: 'bureauAdmin', scope: 'district' }],
    initial: 'draft',
    states: {
      draft: {
        kind: 'task',
        name: l('填报'),
        actors: [{ role: 'principal', scope: 'subject.school' }],
        on: { SUBMIT: { to: 'done' } },
      },
      done: { kind: 'final', name: l('完成') },
    },
  });
  const clerk = actor('clerk', 'teacher', 'school-a');
  const clerk2 = actor('clerk2', 'teacher', 'school-a');

  it('the delegated work goes to the successor, who hands it back to the delegator as the departed delegate would have', () => {
    const s0 = ok(start(flow, { subject, initiator: admin }, env)).snapshot;
    const d = ok(step(flow, s0, { type: 'DELEGATE', data: { to: 'clerk' } }, principalA, env)).snapshot;
    const r = ok(step(flow, d, reassign('clerk', 'clerk2'), admin, env));
    expect(r.effects).toEqual([
      { type: 'reassignTask', taskKey: 'draft:1', candidates: [{ userId: 'clerk2' }], reason: 'reassign' },
    ]);
    expect(availableEvents(flow, r.snapshot, clerk).map((e) => e.type)).toEqual([]);
    const back = ok(step(flow, r.snapshot, { type: 'RESOLVE' }, clerk2, env));
    expect(back.effects).toEqual([
      {
        type: 'reassignTask',
        taskKey: 'draft:1',
        candidates: [{ role: 'principal', orgId: 'school-a' }],
        reason: 'resolved',
      },
    ]);
  });
});

describe('REASSIGN in a parallel review', () => {
  const withReviewers = { ...env, reviewers: { review: ['r1', 'r2', 'r3'] } };
  function inReview(join: TJoin) {
    const d = def(reviewFlow(join));
    const s0 = ok(start(d, { subject, initiator: principalA, data: { title: '课后服务' } }, withReviewers));
    return { d, s: ok(step(d, s0.snapshot, { type: 'SUBMIT' }, principalA, withReviewers)).snapshot };
  }

  it('all-of: the successor takes the departing reviewer’s unvoted seat; votes already cast stay', () => {
    const { d, s } = inReview({ policy: 'all' });
    const a = ok(step(d, s, { type: 'APPROVE' }, r1, env)).snapshot;
    expect(step(d, a, reassign('r1', 'r4'), admin, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { from: expect.anything() },
    });
    expect(step(d, a, reassign('r2', 'r3'), admin, env)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { to: expect.anything() },
    });
    const moved = ok(step(d, a, reassign('r2', 'r4'), admin, env));
    expect(moved.effects).toEqual([
      { type: 'closeTask', taskKey: 'review:1:r2', outcome: 'REASSIGN', byUserId: 'admin' },
      {
        type: 'openTask',
        taskKey: 'review:1:r4',
        state: 'review',
        candidates: [{ userId: 'r4' }],
        dueAt: null,
        purpose: 'review',
      },
    ]);
    expect(step(d, moved.snapshot, { type: 'APPROVE' }, r2, env)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const b = ok(step(d, moved.snapshot, { type: 'APPROVE' }, r4, env));
    expect(b.state).toBe('review');
    expect(ok(step(d, b.snapshot, { type: 'APPROVE' }, r3, env)).state).toBe('done');
  });

  it('quorum: the successor’s approval counts towards the quorum', () => {
    const { d, s } = inReview({ policy: 'quorum', count: 2 });
    const a = ok(step(d, s, { type: 'APPROVE' }, r1, env)).snapshot;
    const moved = ok(step(d, a, reassign('r3', 'r4'), admin, env)).snapshot;
    expect(describeSnapshot(d, moved).reviews.review?.assignees).toEqual(['r1', 'r2', 'r4']);
    expect(ok(step(d, moved, { type: 'APPROVE' }, r4, env)).state).toBe('done');
  });
});

describe('REASSIGN in a collect step', () => {
  const pa = actor('pa', 'principal', 'school-a');
  const pc = actor('pc', 'principal', 'school-a');
  const group = {
    orgId: 'group-1',
    path: ['district', 'group-1'],
    type: 'group' as const,
    members: ['school-a', 'school-b'],
  };
  const flow = def({
    key: 'bundle',
    name: l('捆绑考核'),
    subject: 'group',
    starters: [{ role: 'bureauAdmin', scope: 'district' }],
    initial: 'selfAssess',
    states: {
      selfAssess: {
        kind: 'collect',
        name: l('成员校自评'),
        participants: { role: 'principal', scope: 'subject.members' },
        collectors: [{ role: 'groupLead', scope: 'subject.group' }],
        form: { fields: [{ name: 'score', type: 'number', label: l('自评分') }] },
        onComplete: { to: 'done' },
      },
      done: { kind: 'final', name: l('完成') },
    },
  });
  const people = { ...env, reviewers: { selfAssess: ['pa', 'pb'] } };

  it('moves a pending participant’s part task to the successor, and a submitted part with it; the successor’s part completes the step', () => {
    const s0 = ok(start(flow, { subject: group, initiator: admin }, people)).snapshot;
    const a = ok(step(flow, s0, { type: 'SUBMIT_PART', data: { score: 80 } }, pa, env)).snapshot;
    const moved = ok(step(flow, a, reassign('pb', 'pc'), admin, env));
    expect(moved.effects).toEqual([
      { type: 'closeTask', taskKey: 'selfAssess:1:pb', outcome: 'REASSIGN', byUserId: 'admin' },
      {
        type: 'openTask',
        taskKey: 'selfAssess:1:pc',
        state: 'selfAssess',
        candidates: [{ userId: 'pc' }],
        dueAt: null,
        purpose: 'act',
      },
    ]);
    expect(ok(step(flow, moved.snapshot, { type: 'SUBMIT_PART', data: { score: 90 } }, pc, env)).state).toBe('done');
    // The submitted part goes with the seat: no task to move, the part is the successor's.
    const handed = ok(step(flow, a, reassign('pa', 'pd'), admin, env));
    expect(handed.effects).toEqual([]);
    expect(describeSnapshot(flow, handed.snapshot).collections.selfAssess).toMatchObject({
      participants: ['pd', 'pb'],
      parts: { pd: { status: 'submitted', data: { score: 80 } } },
    });
  });
});
