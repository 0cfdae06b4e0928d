import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { TAuthUser } from '../../auth/user.js';
import { instances, taskCandidates, tasks } from '../../db/schema.js';

/** A task_candidates row names this user, or a role they hold at that org (org null = anywhere). */
export function candidateRowMatches(user: TAuthUser): SQL {
  const byRole = user.roles.map((g) =>
    and(eq(taskCandidates.role, g.role), or(isNull(taskCandidates.orgId), eq(taskCandidates.orgId, g.orgId))),
  );
  return or(eq(taskCandidates.userId, user.id), ...byRole) ?? sql`0`;
}

/** The task (in the outer query) has this user among its candidates. */
export const isCandidateOfTask = (user: TAuthUser): SQL =>
  sql`exists (select 1 from ${taskCandidates} where ${taskCandidates.taskId} = ${tasks.id} and ${candidateRowMatches(user)})`;

/** The instance (in the outer query) has an open task this user is a candidate for. */
export const hasOpenTaskFor = (user: TAuthUser): SQL =>
  sql`exists (select 1 from ${tasks} ot join ${taskCandidates} on ${taskCandidates.taskId} = ot.id
    where ot.instance_id = ${instances.id} and ot.status = 'open' and ${candidateRowMatches(user)})`;
