import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runDueTimers } from '../../scheduler/run-due-timers.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { handInRectification } from '../../test/rectification.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

const DAY = 86_400_000;
type Severity = 'high' | 'medium' | 'low';
const answered = (fails: Record<string, Severity>) =>
  CHECKLIST_V1.items.map((i) => ({
    ...i,
    result: fails[i.code] ? 'fail' : 'pass',
    ...(fails[i.code] ? { severity: fails[i.code], note: '未达标' } : {}),
  }));

/** An inspection of school A with these failures, findings raised; the rectification step is open. */
async function raised(h: WorkflowHarness, round: string, fails: Record<string, Severity>) {
  const started = await (
    await h.start(
      'admin',
      'security-inspection',
      h.orgs.schoolA,
      { round, items: CHECKLIST_V1.items },
      { inspector: [h.users.inspector] },
    )
  ).json();
  expect((await h.fire(started.id, 'principalA', 'SUBMIT', { data: { items: answered(fails) } })).status).toBe(200);
  expect((await h.fire(started.id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
  return started.id as string;
}

const escalations = async (h: Pick<WorkflowHarness, 'sql'>, instanceId: string) =>
  (await h.sql(
    sql`select after from audit_events where action = 'finding.escalate' and entity_id = ${instanceId} order by seq`,
  )) as Array<{
    after: string;
  }>;

describe('a durable deadline per finding', () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await makeWorkflowHarness();
  });
  afterAll(() => h.close());

  it('escalates each open finding once, when its own deadline passes (high after 5 working days, low after 20)', async () => {
    // High: 5 working days; low: 20. The rectification step's deadline follows the most severe one only.
    const id = await raised(h, '2026冬季', { 'HOST-01': 'high', 'DATA-01': 'low' });
    expect(
      await h.sql(
        sql`select timer_key from timers where instance_id = ${id} and timer_key like 'finding:%' order by timer_key`,
      ),
    ).toEqual([{ timer_key: 'finding:DATA-01' }, { timer_key: 'finding:HOST-01' }]);
    h.clock.advance(3 * DAY);
    await runDueTimers(h.deps);
    expect(await escalations(h, id)).toEqual([]);

    h.clock.advance(6 * DAY);
    await runDueTimers(h.deps);
    await runDueTimers(h.deps); // at-least-once: a second pass changes nothing
    expect((await escalations(h, id)).map((e) => JSON.parse(e.after).itemCode)).toEqual(['HOST-01']);

    const list = await (await h.get(`/api/findings?instanceId=${id}`, await h.as('reviewer1'))).json();
    const byCode = Object.fromEntries(list.items.map((f: { itemCode: string }) => [f.itemCode, f]));
    expect(byCode['HOST-01']).toMatchObject({
      overdue: true,
      escalatedAt: h.clock.now().toISOString(),
      status: 'open',
    });
    expect(byCode['DATA-01']).toMatchObject({ overdue: false, escalatedAt: null });
    const escalated = await (await h.get('/api/findings?escalated=1', await h.as('reviewer1'))).json();
    expect(escalated.items.map((f: { itemCode: string }) => f.itemCode)).toEqual(['HOST-01']);

    const report = await (
      await h.get(`/api/reports/security-inspection?round=${encodeURIComponent('2026冬季')}`, await h.as('reviewer1'))
    ).json();
    expect(report).toMatchObject({ overdueFindings: 1, escalatedFindings: 1, openFindings: 2 });

    // The bureau hears of each finding's escalation (admins and reviewers); the school's principal is not the bureau.
    // (The step's own deadline escalated at the same time; the low finding's later escalation is the finding's alone.)
    const notes = async (who: string) =>
      (
        (await (await h.get('/api/notifications?limit=100', await h.as(who))).json()).items as Array<{
          kind: string;
          instanceId: string;
        }>
      ).filter((n) => n.kind === 'escalation' && n.instanceId === id).length;
    const before = {
      reviewer: await notes('reviewer1'),
      admin: await notes('admin'),
      principal: await notes('principalA'),
    };
    h.clock.advance(30 * DAY);
    await runDueTimers(h.deps);
    expect((await escalations(h, id)).map((e) => JSON.parse(e.after).itemCode)).toEqual(['HOST-01', 'DATA-01']);
    expect({
      reviewer: await notes('reviewer1'),
      admin: await notes('admin'),
      principal: await notes('principalA'),
    }).toEqual({
      reviewer: before.reviewer + 1,
      admin: before.admin + 1,
      principal: before.principal,
    });
  });

  it('never escalates a finding closed before its deadline', async () => {
    const id = await raised(h, '2027春季', { 'MGT-01': 'medium' });
    expect((await handInRectification(h, id)).status).toBe(200);
    expect((await h.fire(id, 'inspector', 'APPROVE', { comment: '整改到位' })).status).toBe(200);
    expect(
      await h.sql(
        sql`select case when cancelled_at is not null then 1 else 0 end as cancelled from timers where instance_id = ${id} and timer_key = 'finding:MGT-01'`,
      ),
    ).toEqual([{ cancelled: 1 }]);
    h.clock.advance(40 * DAY);
    await runDueTimers(h.deps);
    expect(await escalations(h, id)).toEqual([]);
    const [finding] = (await (await h.get(`/api/findings?instanceId=${id}`, await h.as('reviewer1'))).json()).items;
    expect(finding).toMatchObject({ status: 'closed', overdue: false, escalatedAt: null });
  });
});

describe('a rectification handed in on time', () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await makeWorkflowHarness();
  });
  afterAll(() => h.close());

  it('is neither overdue nor escalated while the inspector verifies; returned after its deadline, it escalates then, once', async () => {
    const id = await raised(h, '2027秋季', { 'HOST-01': 'high' });
    h.clock.advance(2 * DAY);
    expect((await handInRectification(h, id)).status).toBe(200);
    // The deadline (5 working days) passes while the inspector has not yet verified: the school did its part.
    h.clock.advance(10 * DAY);
    await runDueTimers(h.deps);
    expect(await escalations(h, id)).toEqual([]);
    const reviewer = await h.as('reviewer1');
    const [waiting] = (await (await h.get(`/api/findings?instanceId=${id}`, reviewer)).json()).items;
    expect(waiting).toMatchObject({
      status: 'open',
      overdue: false,
      escalatedAt: null,
      rectifiedAt: expect.any(String),
    });
    expect((await (await h.get(`/api/findings?instanceId=${id}&overdue=1`, reviewer)).json()).items).toEqual([]);
    const report = await (
      await h.get(`/api/reports/security-inspection?round=${encodeURIComponent('2027秋季')}`, reviewer)
    ).json();
    expect(report).toMatchObject({ openFindings: 1, overdueFindings: 0 });

    // Returned: the school's turn again, and its deadline is long past.
    expect((await h.fire(id, 'inspector', 'REJECT', { comment: '佐证不足' })).status).toBe(200);
    expect((await escalations(h, id)).map((e) => JSON.parse(e.after).itemCode)).toEqual(['HOST-01']);
    const [returned] = (await (await h.get(`/api/findings?instanceId=${id}`, reviewer)).json()).items;
    expect(returned).toMatchObject({ overdue: true, rectifiedAt: null, escalatedAt: h.clock.now().toISOString() });
    await runDueTimers(h.deps);
    expect(await escalations(h, id)).toHaveLength(1);
  });
});

describe('a finding’s deadline across a restart', () => {
  it('falls due while the server is down and escalates exactly once after it comes back', async () => {
    const h = await makeWorkflowHarness();
    const id = await raised(h, '重启测试', { 'HOST-01': 'high' });
    // The server comes back: a new connection (another process) with nothing kept in memory.
    const restarted = h.openOther();
    try {
      const later = new Date(h.clock.now().getTime() + 10 * DAY);
      const deps = { db: restarted.db, clock: () => later };
      await runDueTimers(deps, later);
      await runDueTimers(deps, later);
      expect(await escalations(h, id)).toHaveLength(1);
      expect(
        await h.sql(sql`select escalated_at from findings where instance_id = ${id} and item_code = 'HOST-01'`),
      ).toEqual([{ escalated_at: later.toISOString() }]);
      expect(
        await h.sql(
          sql`select case when fired_at is not null then 1 else 0 end as fired from timers where instance_id = ${id} and timer_key = 'finding:HOST-01'`,
        ),
      ).toEqual([{ fired: 1 }]);
    } finally {
      await restarted.close();
      await h.close();
    }
  });
});
