import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Row = Record<string, unknown>;
const all = async (query: SQL) => (await h.sql(query)) as Row[];
const without = (row: Row, ...keys: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

/**
 * Every row a start wrote for one instance, with the ids that differ between two starts (the instance's,
 * its tasks', the audit chain's) replaced by what they stand for.
 */
async function written(instanceId: string): Promise<unknown> {
  const tasks = await all(sql`select * from tasks where instance_id = ${instanceId} order by task_key`);
  const candidates: Row[][] = [];
  for (const t of tasks)
    candidates.push(await all(sql`select * from task_candidates where task_id = ${t.id} order by user_id, role`));
  const dump = {
    instance: (await all(sql`select * from instances where id = ${instanceId}`)).map((r) => without(r, 'id')),
    tasks: tasks.map((t, i) => ({
      ...without(t, 'id'),
      candidates: (candidates[i] ?? []).map((c) => without(c, 'task_id')),
    })),
    timers: (await all(sql`select * from timers where instance_id = ${instanceId} order by timer_key`)).map((r) =>
      without(r, 'id'),
    ),
    participants: await all(
      sql`select * from instance_participants where instance_id = ${instanceId} order by user_id, role`,
    ),
    // Ordered here: a notice's title is JSON, which PostgreSQL does not order.
    notifications: (await all(sql`select * from notifications where instance_id = ${instanceId}`))
      .map((r) => without(r, 'id'))
      .sort((a, b) =>
        JSON.stringify([a.user_id, a.kind, a.title]).localeCompare(JSON.stringify([b.user_id, b.kind, b.title])),
      ),
    findings: (await all(sql`select * from findings where instance_id = ${instanceId} order by item_code`)).map((r) =>
      without(r, 'id'),
    ),
    audit: (await all(sql`select * from audit_events where entity_id = ${instanceId} order by seq`)).map((r) =>
      without(r, 'seq', 'id', 'prev_hash', 'hash'),
    ),
  };
  let text = JSON.stringify(dump).replaceAll(instanceId, '<instance>');
  for (const t of tasks) text = text.replaceAll(String(t.id), `<task ${String(t.task_key)}>`);
  return JSON.parse(text);
}

// Issue 11: the bulk start shares its reads across subjects and builds no views; what it stores must not change.
describe('a bulk-started instance', () => {
  type Case = [
    key: string,
    org: () => string,
    data: Record<string, string>,
    assignments: () => Record<string, string[]> | undefined,
  ];
  it.each<Case>([
    [
      'security-inspection',
      () => h.orgs.schoolA,
      { round: '等价测试' },
      () => ({ inspector: [h.users.inspector ?? ''] }),
    ],
    ['bundled-assessment', () => h.orgs.group1, { cycle: '2026', indicatorSystem: 'bundled-2026' }, () => undefined],
  ])('of %s holds exactly what a single start of the same request writes', async (key, org, data, assignments) => {
    const admin = await h.as('admin');
    const single = await h.start('admin', key, org(), data, assignments());
    expect(single.status, await single.clone().text()).toBe(201);
    const bulk = await h.post(
      '/api/bulk/instances',
      {
        definitionId: h.defs[key],
        subjectOrgIds: [org()],
        data,
        ...(assignments() ? { assignments: assignments() } : {}),
      },
      admin,
    );
    expect(bulk.status, await bulk.clone().text()).toBe(200);
    const { started, failed } = (await bulk.json()) as {
      started: Array<{ instanceId: string; state: string }>;
      failed: unknown[];
    };
    expect(failed).toEqual([]);
    const singleId = ((await single.json()) as { id: string; state: string }).id;
    const bulkId = started[0]?.instanceId ?? '';
    const stored = (await written(singleId)) as { tasks: unknown[]; timers: unknown[]; audit: unknown[] };
    // Not vacuous: the start opened work, set deadlines and was audited.
    expect(stored.tasks.length).toBeGreaterThan(0);
    expect(stored.audit.length).toBeGreaterThan(0);
    expect(await written(bulkId)).toEqual(stored);
  });

  it('is refused, and audited, exactly as a single start is', async () => {
    const admin = await h.as('admin');
    // A group is not a school: both refuse the subject with the same audited denial.
    const single = await h.start(
      'admin',
      'security-inspection',
      h.orgs.group1,
      { round: '拒绝' },
      { inspector: [h.users.inspector] },
    );
    expect(single.status).toBe(422);
    const bulk = await h.post(
      '/api/bulk/instances',
      {
        definitionId: h.defs['security-inspection'],
        subjectOrgIds: [h.orgs.group1],
        data: { round: '拒绝' },
        assignments: { inspector: [h.users.inspector] },
      },
      admin,
    );
    expect(((await bulk.json()) as { failed: Array<{ code: string }> }).failed.map((f) => f.code)).toEqual([
      'VALIDATION',
    ]);
    const denials = await all(
      sql`select actor_id, action, outcome, meta from audit_events where action = 'instance.start' and outcome = 'denied' order by seq desc limit 2`,
    );
    expect(denials[0]).toEqual(denials[1]);
  });
});
