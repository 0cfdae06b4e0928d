import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { dateBound } from '../../lib/date-bound.js';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { burdenReports, instances, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { semesterOf } from '../../domain.js';
import { loadPublished } from '../reference/load-reference.js';
import { SCHOOL_SEMESTER_CAP, semesterRange } from '../workflow-rules/campus-entry-check.js';
import { familyField, familyOf, periodOrField } from '../workflow-rules/families.js';
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
  // Every workflow running the rule set, under the field names its block gives; hours from the `teacherHours` block.
  const family = familyOf(deps, 'entryRules');
  // The activity date is the family's period: a semester is then a range on (definition_id, period).
  const date = periodOrField(family, (u) => u.params.dateField);
  const schoolsOf = familyField(family, (u) => u.params.schoolsField);
  const item = familyField(family, (u) => u.params.itemField);
  const hours = familyOf(deps, 'teacherHours');
  // A request visits several schools (data.schoolIds) and its subject is not one of them: a school or
  // group filter keeps the requests visiting a matching school, and the per-school rows of those schools.
  const visited = schoolColumnIn(sql`v.value`, input);
  const counted = and(
    readableOf({ ...input, family }),
    visited.length ? sql`exists (select 1 from json_each(${schoolsOf}) v where ${and(...visited)})` : undefined,
    ...createdWithin(input),
    sql`${date} between ${from} and ${to}`,
    sql`coalesce(${instances.outcome}, '') not in ('rejected', 'withdrawn', 'merged', 'cancelled')`,
  );
  const schools = visibleSchools(deps, input.user);
  const perSchool = deps.db
    .select({ schoolId: sql<string>`s.value`, schoolName: organisations.name, used: sql<number>`count(*)` })
    .from(instances)
    .innerJoin(sql`json_each(${schoolsOf}) s`, sql`1`)
    .innerJoin(organisations, eq(organisations.id, sql`s.value`))
    .where(and(counted, schoolFilter(sql`s.value`, schools), ...schoolColumnIn(sql`s.value`, input)))
    .groupBy(sql`s.value`)
    .orderBy(sql`3 desc`, organisations.name)
    .all();
  const hoursByItem = deps.db
    .select({
      itemCode: sql<string>`${item}`,
      requests: sql<number>`count(distinct ${instances.id})`,
      plannedTeacherHours: sql<number>`sum(coalesce(${familyField(hours, (u) => u.params.plannedField)}, 0))`,
    })
    .from(instances)
    .where(counted)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .all();
  // Hours spent, from the parts of each workflow's hours step (one query per distinct step and field, usually one).
  const spent = new Map<string, number>();
  const sites = new Map<string, { ids: string[]; step: string; field: string }>();
  for (const m of hours)
    for (const u of m.uses)
      if (u.site.at === 'step') {
        const key = `${u.site.state}.${u.params.spentField}`;
        const entry = sites.get(key) ?? { ids: [], step: u.site.state, field: u.params.spentField };
        sites.set(key, { ...entry, ids: [...entry.ids, m.id] });
      }
  for (const site of sites.values())
    for (const r of deps.db
      .select({
        itemCode: sql<string>`${item}`,
        hours: sql<number>`sum(coalesce(json_extract(p.value, ${sql.raw(`'$.data.${site.field}'`)}), 0))`,
      })
      .from(instances)
      .innerJoin(sql`json_each(${instances.snapshot}, ${sql.raw(`'$.context.collections.${site.step}.parts'`)}) p`, sql`1`)
      .where(and(counted, inArray(instances.definitionId, site.ids), sql`json_extract(p.value, '$.status') = 'submitted'`))
      .groupBy(sql`1`)
      .all())
      spent.set(r.itemCode, (spent.get(r.itemCode) ?? 0) + Number(r.hours ?? 0));
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
