import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runDueTimers } from '../../scheduler/run-due-timers.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Event = { action: string; actorName: string | null; meta: Record<string, unknown> };

describe('系统 · 到期自动处理 says what happened (issue 12.11c)', () => {
  it('each timer entry names its step, the deadline that passed or nears, and what the system did; the notices say it too', async () => {
    const started = await (
      await h.start('outside', 'campus-entry', h.orgs.district, {
        itemCode: 'FZ-01',
        title: '法治讲座',
        activityDate: '2027-01-20',
        schoolIds: [h.orgs.schoolA],
      })
    ).json();
    expect(started.state).toBe('bureauReview');
    h.clock.advance(14 * 24 * 3600 * 1000);
    expect((await runDueTimers(h.deps)).fired).toBe(2);

    const history = await (await h.get(`/api/instances/${started.id}/history`, await h.as('reviewer1'))).json();
    const timers = history.items.filter((e: Event) => e.meta.type === 'TIMER').map((e: Event) => e.meta.timer);
    expect(timers).toEqual([
      expect.objectContaining({ kind: 'remind', state: 'bureauReview', escalated: false, notified: ['reminder'] }),
      expect.objectContaining({ kind: 'due', state: 'bureauReview', escalated: false, notified: ['escalation'] }),
    ]);
    for (const t of timers) expect(Date.parse(t.dueAt)).toBeLessThan(h.clock.now().getTime());

    const notices = (await (await h.get('/api/notifications?limit=100', await h.as('reviewer1'))).json()).items.filter(
      (n: { instanceId: string }) => n.instanceId === started.id,
    );
    const detail = (kind: string) => notices.find((n: { kind: string }) => n.kind === kind)?.detail['zh-CN'];
    expect(detail('escalation')).toBe('「教委审核」已超过办理时限，系统自动督办');
    expect(detail('reminder')).toBe('「教委审核」即将到期，系统自动提醒办理人');
  });
});
