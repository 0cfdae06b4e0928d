import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Notice = { kind: string; instanceId: string; state: string; readAt: string | null; resolvedAt: string | null };
const notices = async (who: string, instanceId: string): Promise<Notice[]> =>
  (await (await h.get('/api/notifications?limit=100', await h.as(who))).json()).items.filter(
    (n: Notice) => n.instanceId === instanceId,
  );
const unreadCount = async (who: string) =>
  (await (await h.get('/api/notifications?unread=1&limit=100', await h.as(who))).json()).items.length;

describe('新待办 notices stay true (issue 12.11a)', () => {
  it('a done task resolves its notices: for everyone when the step is left, per person in a collect step', async () => {
    const started = await (
      await h.start('outside', 'campus-entry', h.orgs.district, {
        itemCode: 'FZ-01',
        title: '法治讲座',
        activityDate: '2027-01-06',
        schoolIds: [h.orgs.schoolA, h.orgs.schoolB],
      })
    ).json();
    expect(started.state).toBe('bureauReview');
    // Both reviewers were told; reviewer1 decides, so reviewer2's notice is spent too.
    const before = await unreadCount('reviewer2');
    expect((await notices('reviewer2', started.id)).map((n) => [n.kind, n.resolvedAt])).toEqual([['entered', null]]);
    expect((await h.fire(started.id, 'reviewer1', 'APPROVE')).status).toBe(200);
    for (const who of ['reviewer1', 'reviewer2']) {
      const [n] = await notices(who, started.id);
      expect(n.resolvedAt, who).toBeTruthy();
      expect(n.readAt, who).toBeTruthy();
    }
    expect(await unreadCount('reviewer2')).toBe(before - 1);

    // 学校确认: each school's own part; A answers, B still has to.
    expect((await h.fire(started.id, 'principalA', 'SUBMIT_PART', { data: { decision: 'confirm' } })).status).toBe(200);
    const a = (await notices('principalA', started.id)).filter((n) => n.state === 'schoolConfirm');
    const b = (await notices('principalB', started.id)).filter((n) => n.state === 'schoolConfirm');
    expect(a.map((n) => !!n.resolvedAt)).toEqual([true]);
    expect(b.map((n) => !!n.resolvedAt)).toEqual([false]);
    // B answers: the step is left, and B's notice is resolved as well.
    expect((await h.fire(started.id, 'principalB', 'SUBMIT_PART', { data: { decision: 'confirm' } })).status).toBe(200);
    const bAfter = (await notices('principalB', started.id)).filter((n) => n.state === 'schoolConfirm');
    expect(bAfter.map((n) => !!n.resolvedAt)).toEqual([true]);
    // The next step's 新待办 is new and open.
    const outcome = (await notices('principalB', started.id)).filter((n) => n.state === 'outcome');
    expect(outcome.map((n) => [n.kind, n.resolvedAt])).toEqual([['entered', null]]);
  });
});
