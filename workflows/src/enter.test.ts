import { describe, expect, it } from 'vitest';

import type { EngineContext } from './context.js';
import { describeSnapshot, enter, start, step } from './engine.js';
import { def, env, ok, principalA, reviewFlow, subject } from './test-fixtures.js';

const flow = def(reviewFlow({ policy: 'all' }));
const people = { ...env, reviewers: { review: ['r1', 'r2'] } };
const ctxOf = (s: Record<string, unknown>) => (s as { context: EngineContext }).context;

describe('enter(def, context, state, env)', () => {
  it('enters a state as if just arrived: the visit counts on from the context, so task and timer keys follow the earlier ones', () => {
    const s0 = ok(start(flow, { subject, initiator: principalA, data: { title: '报告' } }, people));
    const inReview = ok(step(flow, s0.snapshot, { type: 'SUBMIT' }, principalA, people));
    const back = ok(
      step(
        flow,
        inReview.snapshot,
        { type: 'REJECT', comment: '补充' },
        { userId: 'r1', roles: [{ role: 'bureauReviewer', orgId: 'district' }] },
        people,
      ),
    );
    // draft has been visited twice: entering it again is visit 3, with the data and trail carried.
    const entered = ok(enter(flow, ctxOf(back.snapshot), 'draft', people));
    expect(entered.state).toBe('draft');
    expect(entered.effects).toEqual([
      {
        type: 'openTask',
        taskKey: 'draft:3',
        state: 'draft',
        candidates: [{ role: 'principal', orgId: 'school-a' }],
        dueAt: null,
        purpose: 'act',
      },
      { type: 'notify', kind: 'entered', state: 'draft', to: [{ role: 'principal', orgId: 'school-a' }] },
    ]);
    const seen = describeSnapshot(flow, entered.snapshot);
    expect([seen.data, seen.trail]).toEqual([{ title: '报告' }, ['draft', 'review', 'draft', 'draft']]);
    // The entered snapshot is an ordinary one: the instance moves on from it.
    expect(ok(step(flow, entered.snapshot, { type: 'SUBMIT' }, principalA, people)).effects).toContainEqual(
      expect.objectContaining({ type: 'openTask', taskKey: 'review:2:r1' }),
    );
  });

  it('opens a review round with the people resolved now, and refuses a review nobody can act in or a step that does not exist', () => {
    const s0 = ok(start(flow, { subject, initiator: principalA, data: { title: '报告' } }, people));
    const entered = ok(enter(flow, ctxOf(s0.snapshot), 'review', { ...env, reviewers: { review: ['r9'] } }));
    expect(describeSnapshot(flow, entered.snapshot).reviews.review).toMatchObject({
      visit: 1,
      assignees: ['r9'],
      votes: {},
    });
    expect(enter(flow, ctxOf(s0.snapshot), 'review', env)).toMatchObject({ ok: false, rule: 'reviewersAvailable' });
    expect(enter(flow, ctxOf(s0.snapshot), 'nowhere', env)).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
    expect(ok(enter(flow, ctxOf(s0.snapshot), 'done', env))).toMatchObject({
      status: 'completed',
      outcome: 'approved',
    });
  });
});
