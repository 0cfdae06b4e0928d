import { and, eq, min } from 'drizzle-orm';
import { instances, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

/**
 * instances.due_at is the earliest deadline among the instance's open tasks, copied onto the row so the
 * instance list can sort on an index (issue 4) instead of a correlated MIN per row. Called after every
 * change to an instance's tasks, inside the same transaction.
 */
export function refreshInstanceDue(deps: Deps, instanceId: string): void {
  const earliest = deps.db
    .select({ dueAt: min(tasks.dueAt) })
    .from(tasks)
    .where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')))
    .get();
  deps.db.update(instances).set({ dueAt: earliest?.dueAt ?? null }).where(eq(instances.id, instanceId)).run();
}
