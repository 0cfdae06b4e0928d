import { gte, lte, type SQL, sql, type SQLWrapper } from 'drizzle-orm';

import { instances, organisations } from '../../db/schema.js';
import { dateBound } from '../../lib/date-bound.js';
import type { TOverviewQuery } from './overview.types.js';

/** The dashboard's filters (period, group, school), the same for every report as for the overview. */
export type TReportFilters = Pick<TOverviewQuery, 'from' | 'to' | 'groupId' | 'schoolId'>;

/**
 * Instances created in the window (same semantics as GET /instances from/to). These only narrow the
 * CASL-scoped condition they are and-ed with: a principal passing another school's id gets nothing.
 */
export function createdWithin(q: TReportFilters): SQL[] {
  const where: SQL[] = [];
  if (q.from) where.push(gte(instances.createdAt, dateBound(q.from, 'start')));
  if (q.to) where.push(lte(instances.createdAt, dateBound(q.to, 'end')));
  return where;
}

/** For reports whose subject is a school: the school itself, or a group's member schools (subject_group_id). */
export function schoolSubjectIn(q: TReportFilters): SQL[] {
  const where: SQL[] = [];
  if (q.schoolId) where.push(sql`${instances.subjectOrgId} = ${q.schoolId}`);
  if (q.groupId) where.push(sql`${instances.subjectGroupId} = ${q.groupId}`);
  return where;
}

/**
 * For a column holding a school id that is not the instance's subject (a campus-entry request's visited
 * schools, a 负担码 report's school): the school, or the schools whose parent is the group. An unknown id
 * matches nothing, so the report comes back empty rather than failing.
 */
export function schoolColumnIn(column: SQLWrapper, q: TReportFilters): SQL[] {
  const where: SQL[] = [];
  if (q.schoolId) where.push(sql`${column} = ${q.schoolId}`);
  if (q.groupId)
    where.push(
      sql`${column} in (select ${organisations.id} from ${organisations} where ${organisations.parentId} = ${q.groupId})`,
    );
  return where;
}
