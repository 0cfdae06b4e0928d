import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';

import { notifications, taskCandidates, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

/** Notices that ask for work on a task: they are spent once the task is done. */
export const TASK_NOTICE_KINDS = ['entered', 'reminder', 'chase', 'escalation', 'sign'] as const;

/**
 * A task closed: its notices no longer ask anything (issue 12.11), so they are resolved — and read, so
 * the badge stops counting them. When nothing is left open at the step, everyone's notices of it are;
 * otherwise (one school's part of a collect step, one reviewer's vote) only those of the people the task
 * named and of whoever closed it.
 */
export async function resolveTaskNotices(
  deps: Pick<Deps, 'db'>,
  instanceId: string,
  task: { id: string; state: string },
  byUserId: string | null,
  at: string,
): Promise<void> {
  const stillOpen = (
    await deps.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open'), eq(tasks.state, task.state)))
      .limit(1)
  )[0];
  const people = stillOpen
    ? [
        ...(
          await deps.db
            .select({ userId: taskCandidates.userId })
            .from(taskCandidates)
            .where(and(eq(taskCandidates.taskId, task.id), isNotNull(taskCandidates.userId)))
        ).map((c) => c.userId as string),
        ...(byUserId ? [byUserId] : []),
      ]
    : null;
  if (people && people.length === 0) return;
  await deps.db
    .update(notifications)
    .set({ resolvedAt: at, readAt: sql`coalesce(${notifications.readAt}, ${at})` })
    .where(
      and(
        eq(notifications.instanceId, instanceId),
        eq(notifications.state, task.state),
        isNull(notifications.resolvedAt),
        inArray(notifications.kind, [...TASK_NOTICE_KINDS]),
        people ? inArray(notifications.userId, people) : undefined,
      ),
    );
}
