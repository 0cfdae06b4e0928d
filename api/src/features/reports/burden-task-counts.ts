import { and, count, eq, gte, lte, type SQL, sql } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { burdenReports, organisations, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { dateBound } from '../../lib/date-bound.js';
import type { TOverviewQuery } from './overview.types.js';

/**
 * Open and overdue 负担码 tasks for the dashboard. They have no instance, so the instance-scoped
 * count misses them; they are counted only for those who may read the reports (the bureau), with
 * the dashboard's school / group / date filters applied to the report's school and filing date.
 */
export async function burdenTaskCounts(
  deps: Pick<Deps, 'db'>,
  input: { ability: AppAbility; query: TOverviewQuery; now: string },
): Promise<{ open: number; overdue: number }> {
  if (!input.ability.can('read', 'BurdenReport')) return { open: 0, overdue: 0 };
  const q = input.query;
  const where: SQL[] = [eq(tasks.status, 'open')];
  if (q.schoolId) where.push(eq(burdenReports.schoolId, q.schoolId));
  if (q.groupId) where.push(eq(organisations.parentId, q.groupId));
  if (q.from) where.push(gte(burdenReports.createdAt, dateBound(q.from, 'start')));
  if (q.to) where.push(lte(burdenReports.createdAt, dateBound(q.to, 'end')));
  const row = (
    await deps.db
      .select({ open: count(), overdue: sql<number>`sum(case when ${tasks.dueAt} < ${input.now} then 1 else 0 end)` })
      .from(tasks)
      .innerJoin(burdenReports, eq(burdenReports.id, tasks.burdenReportId))
      .innerJoin(organisations, eq(organisations.id, burdenReports.schoolId))
      .where(and(...where))
      .limit(1)
  )[0];
  return { open: row?.open ?? 0, overdue: Number(row?.overdue ?? 0) };
}
