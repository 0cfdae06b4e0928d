import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { dateBound } from '../../lib/date-bound.js';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { burdenReports, instances, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { semesterOf } from '../../domain.js';
import { SCHOOL_SEMESTER_CAP } from '../instances/engine-facts.js';
import { loadPublished } from '../reference/load-reference.js';
import { semesterRange } from '../workflow-rules/campus-entry-check.js';
import { readableOf, schoolFilter, visibleSchools } from './report-scope.js';
import { createdWithin, schoolColumnIn } from './report-filters.js';
import type { TCampusEntryReport, TSemesterQuery } from './reports.types.js';

/**
 * Entries per school against the semester cap, and teacher hours by whitelist item: planned hours
 * from the requests, hours spent from the schools' outcome parts. One grouped query each.
 */
export function campusEntryReport(deps: Deps, input: { user: TAuthUser; ability: AppAbility } & TSemesterQuery): TCampusEntryReport {
  const semester = input.semester ?? semesterOf(deps.clock().toISOString().slice(0, 10));
  const { from, to } = semesterRange(semester);
  const cap = loadPublished(deps, 'whitelist', from.slice(0, 4))?.content.schoolCapPerSemester ?? SCHOOL_SEMESTER_CAP;
  const date = sql`json_extract(${instances.data}, '$.activityDate')`;
  // A request visits several schools (data.schoolIds) and its subject is not one of them: a school or
  // group filter keeps the requests visiting a matching school, and the per-school rows of those schools.
  const visited = schoolColumnIn(sql`v.value`, input);
  const counted = and(
    readableOf(deps, { ...input, key: 'campus-entry' }),
    visited.length ? sql`exists (select 1 from json_each(${instances.data}, '$.schoolIds') v where ${and(...visited)})` : undefined,
    ...createdWithin(input),
    sql`${date} between ${from} and ${to}`,
    sql`coalesce(${instances.outcome}, '') not in ('rejected', 'withdrawn', 'merged')`,
  );
  const schools = visibleSchools(deps, input.user);
  const perSchool = deps.db
    .select({ schoolId: sql<string>`s.value`, schoolName: organisations.name, used: sql<number>`count(*)` })
    .from(instances)
    .innerJoin(sql`json_each(${instances.data}, '$.schoolIds') s`, sql`1`)
    .innerJoin(organisations, eq(organisations.id, sql`s.value`))
    .where(and(counted, schoolFilter(sql`s.value`, schools), ...schoolColumnIn(sql`s.value`, input)))
    .groupBy(sql`s.value`)
    .orderBy(sql`3 desc`, organisations.name)
    .all();
  const hoursByItem = deps.db
    .select({
      itemCode: sql<string>`json_extract(${instances.data}, '$.itemCode')`,
      requests: sql<number>`count(distinct ${instances.id})`,
      plannedTeacherHours: sql<number>`sum(coalesce(json_extract(${instances.data}, '$.teacherHours'), 0))`,
    })
    .from(instances)
    .where(counted)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .all();
  const spent = new Map(
    deps.db
      .select({
        itemCode: sql<string>`json_extract(${instances.data}, '$.itemCode')`,
        hours: sql<number>`sum(coalesce(json_extract(p.value, '$.data.actualTeacherHours'), 0))`,
      })
      .from(instances)
      .innerJoin(sql`json_each(${instances.snapshot}, '$.context.collections.outcome.parts') p`, sql`1`)
      .where(and(counted, sql`json_extract(p.value, '$.status') = 'submitted'`))
      .groupBy(sql`1`)
      .all()
      .map((r) => [r.itemCode, Number(r.hours ?? 0)]),
  );
  // 负担码 complaints per school, for the bureau only: a school must not learn who or how many complained.
  const burden =
    schools === null
      ? deps.db
          .select({
            schoolId: burdenReports.schoolId,
            schoolName: organisations.name,
            reports: sql<number>`count(*)`,
            open: sql<number>`sum(case when ${burdenReports.status} = 'open' then 1 else 0 end)`,
            hours: sql<number>`sum(coalesce(${burdenReports.hours}, 0))`,
          })
          .from(burdenReports)
          .innerJoin(organisations, eq(organisations.id, burdenReports.schoolId))
          .where(
            and(
              sql`substr(${burdenReports.createdAt}, 1, 10) between ${from} and ${to}`,
              ...schoolColumnIn(burdenReports.schoolId, input),
              input.from ? gte(burdenReports.createdAt, dateBound(input.from, 'start')) : undefined,
              input.to ? lte(burdenReports.createdAt, dateBound(input.to, 'end')) : undefined,
            ),
          )
          .groupBy(burdenReports.schoolId)
          .orderBy(sql`3 desc`)
          .all()
          .map((r) => ({ ...r, reports: Number(r.reports), open: Number(r.open), hours: Number(r.hours) }))
      : [];
  return {
    semester,
    burden,
    cap,
    perSchool: perSchool.map((r) => ({ schoolId: r.schoolId, schoolName: r.schoolName, used: Number(r.used), cap })),
    hoursByItem: hoursByItem.map((r) => ({
      itemCode: r.itemCode,
      requests: Number(r.requests),
      plannedTeacherHours: Number(r.plannedTeacherHours ?? 0),
      spentTeacherHours: spent.get(r.itemCode) ?? 0,
    })),
  };
}
