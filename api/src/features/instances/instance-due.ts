import { eq } from 'drizzle-orm';

import { instances } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { earliestOpenDue, moveDue } from './instance-rows.js';
import { noticeEndOf } from './notice-period.js';

/**
 * instances.due_at is the earliest deadline among the instance's open tasks, copied onto the row so the
 * instance list can sort on an index (issue 4) instead of a correlated MIN per row; while the instance
 * rests in a 公示 (no task, nobody's to-do) it is the notice's end (issue 9), so lists show and sort it
 * like any deadline. Called after every change to an instance's tasks or timers, in the same transaction.
 */
export async function refreshInstanceDue(deps: Deps, instanceId: string): Promise<void> {
  let dueAt = await earliestOpenDue(deps.db, instanceId);
  if (dueAt === null) {
    const row = (
      await deps.db.select({ state: instances.state }).from(instances).where(eq(instances.id, instanceId)).limit(1)
    )[0];
    if (row) dueAt = await noticeEndOf(deps, instanceId, row.state);
  }
  await moveDue(deps.db, instanceId, dueAt);
}
