import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fireEvent } from '../features/instances/fire-event.js';
import { startInstance } from '../features/instances/start-instance.js';
import { listNotifications } from '../features/notifications/list-notifications.js';
import { readAllNotifications } from '../features/notifications/read-all-notifications.js';
import { bulkTasks } from '../features/tasks/bulk-tasks.js';
import { runDueTimers } from '../scheduler/run-due-timers.js';
import { type Harness, makeHarness } from '../test/harness.js';
import { plansOf } from '../test/query-plans.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  // Closed history: tasks closed, timers cancelled, notifications read — none of it belongs in these indexes.
  for (let i = 0; i < 5; i += 1) {
    const started = (
      await startInstance(h.deps, {
        actor: await h.authUser('principalA'),
        definitionId,
        subjectOrgId: h.orgs.schoolA,
        data: { title: `报告${i}` },
      })
    ).body;
    await fireEvent(h.deps, {
      actor: await h.authUser('principalA'),
      instanceId: started.id,
      event: { type: 'SUBMIT' },
      expectedVersion: started.version,
    });
  }
  await readAllNotifications(h.deps, { actor: await h.authUser('reviewer1') });
});
afterAll(() => h.close());

const entries = (index: string) =>
  (
    h.sqlite.prepare(`select count(*) n from dbstat where name = ? and pagetype = 'leaf'`).get(index) as
      { n: number } | undefined
  )?.n;
const cells = (index: string) =>
  (
    h.sqlite
      .prepare(`select coalesce(sum(ncell), 0) n from dbstat where name = ? and pagetype = 'leaf'`)
      .get(index) as { n: number }
  ).n;
const rows = (sql: string) => (h.sqlite.prepare(`select count(*) n from ${sql}`).get() as { n: number }).n;

// Issue 11 (storage): an index that only one kind of lookup uses holds only the rows that lookup can want,
// so years of closed tasks, fired timers and read notices cost no index bytes (docs/bench/storage.md).
describe('partial indexes (migration 0022)', () => {
  it('index only open tasks, pending timers, unread notifications and tasks of a 负担码 report', () => {
    expect(entries('tasks_open_due_idx')).toBeGreaterThan(0);
    expect(cells('tasks_open_due_idx')).toBe(rows("tasks where status = 'open'"));
    expect(cells('tasks_instance_status_due_idx')).toBe(rows("tasks where status = 'open'"));
    expect(rows("tasks where status = 'closed'")).toBeGreaterThan(0);
    expect(cells('timers_due_idx')).toBe(rows('timers where fired_at is null and cancelled_at is null'));
    expect(rows('timers where cancelled_at is not null')).toBeGreaterThan(0);
    expect(cells('notifications_user_unread_idx')).toBe(rows('notifications where read_at is null'));
    expect(rows('notifications where read_at is not null')).toBeGreaterThan(0);
    expect(cells('tasks_burden_report_uq')).toBe(rows('tasks where burden_report_id is not null'));
    for (const index of ['task_candidates_user_open_task_idx', 'task_candidates_role_org_open_task_idx']) {
      expect(cells(index), index).toBe(rows('task_candidates where open = 1'));
    }
    expect(rows('task_candidates where open = 0')).toBeGreaterThan(0);
  });

  it('instance_participants is stored WITHOUT ROWID: the row is its primary key, kept once', () => {
    expect(h.sqlite.prepare("select wr from pragma_table_list where name = 'instance_participants'").get()).toEqual({
      wr: 1,
    });
    expect(rows('instance_participants')).toBeGreaterThan(0);
    expect(entries('sqlite_autoindex_instance_participants_1')).toBe(0);
  });

  it('audit events carry no index on their random id: nothing looks one up by it (seq is the key)', () => {
    const indexes = (
      h.sqlite.prepare("select name from pragma_index_list('audit_events')").pluck().all() as string[]
    ).sort();
    expect(indexes).toEqual(['audit_actor_idx', 'audit_at_idx', 'audit_entity_idx']);
  });

  it('are still the ones their lookups use (EXPLAIN QUERY PLAN)', async () => {
    const due = await plansOf(h, (deps) => runDueTimers(deps, new Date('2026-11-01T00:00:00Z')), 'timers');
    expect(due[0]).toContain('timers_due_idx');
    const unread = await plansOf(
      h,
      async (deps) =>
        listNotifications(deps, {
          user: await h.authUser('principalA'),
          query: { unread: '1', limit: 20 } as never,
        }),
      'notifications',
    );
    expect(unread[0]).toContain('notifications_user_unread_idx');
    // closeBurdenTask's lookup (an UPDATE, which plansOf does not capture): `burden_report_id = ?` implies the index's WHERE.
    const burden = h.sqlite
      .prepare("explain query plan update tasks set status = 'closed' where burden_report_id = ? and status = ?")
      .all('r1', 'open') as Array<{ detail: string }>;
    expect(burden.map((r) => r.detail).join('\n')).toContain('tasks_burden_report_uq');
    // Handing a departing person's open work on reads their open candidate rows (last: it moves the work).
    const admin = await h.authUser('admin');
    const handover = await plansOf(
      h,
      (deps) =>
        bulkTasks(deps, {
          action: 'reassign',
          fromUserId: h.users.principalA!,
          toUserId: h.users.principalA2!,
          actor: admin,
        }),
      'task_candidates',
    );
    expect(handover[0]).toMatch(/task_candidates_user_open_task_idx \(user_id=\? AND open=\?\)/);
  });
});
