import { describe, expect, it } from 'vitest';

import type { TJoin } from './definition/schema.js';
import { availableEvents, start, step } from './engine.js';
import { def, env, ok, principalA, reviewers, reviewFlow, subject } from './test-fixtures.js';

const [r1, r2, r3] = reviewers;
const withReviewers = { ...env, reviewers: { review: ['r1', 'r2', 'r3'] } };

function inReview(join: TJoin) {
  const d = def(reviewFlow(join));
  const s0 = ok(start(d, { subject, initiator: principalA, data: { title: '课后服务' } }, withReviewers));
  const s1 = ok(step(d, s0.snapshot, { type: 'SUBMIT' }, principalA, withReviewers));
  return { d, s1 };
}

describe('review joins', () => {
  it('opens one review task per assignee', () => {
    const { s1 } = inReview({ policy: 'all' });
    expect(
      s1.effects.filter((e) => e.type === 'openTask').map((e) => e.type === 'openTask' && [e.taskKey, e.purpose]),
    ).toEqual([
      ['review:1:r1', 'review'],
      ['review:1:r2', 'review'],
      ['review:1:r3', 'review'],
    ]);
  });

  it('all-of (会签) waits for every approval and closes each voter task with the vote', () => {
    const { d, s1 } = inReview({ policy: 'all' });
    const a = ok(step(d, s1.snapshot, { type: 'APPROVE' }, r1, env));
    expect(a.state).toBe('review');
    expect(a.effects).toEqual([{ type: 'closeTask', taskKey: 'review:1:r1', outcome: 'APPROVE', byUserId: 'r1' }]);
    const b = ok(step(d, a.snapshot, { type: 'APPROVE' }, r2, env));
    expect(b.state).toBe('review');
    const c = ok(step(d, b.snapshot, { type: 'APPROVE' }, r3, env));
    expect([c.state, c.outcome]).toEqual(['done', 'approved']);
  });

  it('all-of: one rejection decides at once and cancels the others’ tasks', () => {
    const { d, s1 } = inReview({ policy: 'all' });
    const a = ok(step(d, s1.snapshot, { type: 'APPROVE' }, r1, env));
    const b = ok(step(d, a.snapshot, { type: 'REJECT', comment: '材料不全' }, r2, env));
    expect(b.state).toBe('draft');
    expect(b.effects.filter((e) => e.type === 'closeTask')).toEqual([
      { type: 'closeTask', taskKey: 'review:1:r3', outcome: 'cancelled', byUserId: 'r2' },
      { type: 'closeTask', taskKey: 'review:1:r2', outcome: 'REJECT', byUserId: 'r2' },
    ]);
  });

  it('any-of (或签): the first vote decides', () => {
    const { d, s1 } = inReview({ policy: 'any' });
    expect(ok(step(d, s1.snapshot, { type: 'APPROVE' }, r2, env)).state).toBe('done');
    expect(ok(step(d, s1.snapshot, { type: 'REJECT', comment: '否' }, r3, env)).state).toBe('draft');
  });

  it('quorum: two of three approvals pass; two rejections make the quorum impossible', () => {
    const { d, s1 } = inReview({ policy: 'quorum', count: 2 });
    const a = ok(step(d, s1.snapshot, { type: 'REJECT', comment: '否' }, r1, env));
    expect(a.state).toBe('review');
    expect(ok(step(d, a.snapshot, { type: 'APPROVE' }, r2, env)).state).toBe('review');
    expect(ok(step(d, a.snapshot, { type: 'REJECT', comment: '否' }, r3, env)).state).toBe('draft');
    const b = ok(step(d, ok(step(d, a.snapshot, { type: 'APPROVE' }, r2, env)).snapshot, { type: 'APPROVE' }, r3, env));
    expect(b.state).toBe('done');
  });

  it('refuses a second vote from the same reviewer and a vote from someone not assigned', () => {
    const { d, s1 } = inReview({ policy: 'all' });
    const a = ok(step(d, s1.snapshot, { type: 'APPROVE' }, r1, env));
    expect(step(d, a.snapshot, { type: 'APPROVE' }, r1, env)).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
    expect(step(d, a.snapshot, { type: 'APPROVE' }, principalA, env)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // r1 has voted: only supervising mechanics (催办) remain for them.
    expect(availableEvents(d, a.snapshot, r1).map((e) => e.type)).toEqual(['CHASE']);
    expect(availableEvents(d, a.snapshot, r2).map((e) => e.type)).toEqual([
      'APPROVE',
      'REJECT',
      'TRANSFER',
      'ADD_SIGNER',
      'COPY_TO',
    ]);
  });

  it('refuses to enter a review that has fewer reviewers than its quorum needs', () => {
    const d = def(reviewFlow({ policy: 'quorum', count: 2 }));
    const s0 = ok(start(d, { subject, initiator: principalA, data: { title: 't' } }, env));
    const r = step(d, s0.snapshot, { type: 'SUBMIT' }, principalA, { ...env, reviewers: { review: ['r1'] } });
    expect(r).toMatchObject({ ok: false, code: 'GUARD_FAILED', rule: 'reviewersAvailable' });
  });
});
