import { and, eq, min, sql } from 'drizzle-orm';
import { instances, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { noticeEndOf } from './notice-period.js';

/**
 * instances.due_at is the earliest deadline among the instance's open tasks, copied onto the row so the
 * instance list can sort on an index (issue 4) instead of a correlated MIN per row; while the instance
 * rests in a 公示 (no task, nobody's to-do) it is the notice's end (issue 9), so lists show and sort it
 * like any deadline. Called after every change to an instance's tasks or timers, in the same transaction.
 */
export function refreshInstanceDue(deps: Deps, instanceId: string): void {
  const earliest = deps.db
    .select({ dueAt: min(tasks.dueAt) })
    .from(tasks)
    .where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')))
    .get();
  let dueAt = earliest?.dueAt ?? null;
  if (dueAt === null) {
    const row = deps.db.select({ state: instances.state }).from(instances).where(eq(instances.id, instanceId)).get();
    if (row) dueAt = noticeEndOf(deps, instanceId, row.state);
  }
  // Only when it moved: an unchanged row is not rewritten (nor its tally triggers run).
  deps.db.update(instances).set({ dueAt }).where(and(eq(instances.id, instanceId), sql`${instances.dueAt} is not ${dueAt}`)).run();
}
