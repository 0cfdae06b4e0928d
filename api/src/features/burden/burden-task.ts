import { and, eq } from 'drizzle-orm';

import { taskCandidates, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

/** How a 负担码 report's task reads in the inbox, where workflow tasks show their definition and step. */
export const BURDEN_TASK = {
  key: 'burden-report',
  taskKey: 'burden',
  state: 'bureauHandling',
  name: { 'zh-CN': '负担码反映', en: 'Teacher burden report' },
  stateName: { 'zh-CN': '教委办理', en: 'Bureau handles' },
} as const;

/**
 * A report opens a real row in `tasks`, for the bureau reviewers of the district, with the report's
 * deadline: the inbox, its counts and its overdue flag then treat it like any other task.
 */
export async function openBurdenTask(
  deps: Pick<Deps, 'db'>,
  report: { id: string; dueAt: string; createdAt: string },
  districtId: string,
): Promise<void> {
  const id = crypto.randomUUID();
  await deps.db.insert(tasks).values({
    id,
    instanceId: null,
    burdenReportId: report.id,
    taskKey: BURDEN_TASK.taskKey,
    state: BURDEN_TASK.state,
    purpose: 'act',
    dueAt: report.dueAt,
    status: 'open',
    createdAt: report.createdAt,
  });
  await deps.db.insert(taskCandidates).values({ taskId: id, role: 'bureauReviewer', orgId: districtId });
}

/** Resolving the report closes its task, in the same transaction. */
export async function closeBurdenTask(
  deps: Pick<Deps, 'db'>,
  reportId: string,
  by: { userId: string; at: string },
): Promise<void> {
  await deps.db
    .update(tasks)
    .set({ status: 'closed', outcome: 'RESOLVED', closedBy: by.userId, closedAt: by.at })
    .where(and(eq(tasks.burdenReportId, reportId), eq(tasks.status, 'open')));
}
