import { and, eq, gte, lt, lte, sql } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { burdenReports, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { semesterOf } from '../../engine.js';
import { dateBound } from '../../lib/date-bound.js';
import { loadPublished } from '../reference/load-reference.js';
import { SCHOOL_SEMESTER_CAP, semesterRange } from '../workflow-rules/campus-entry-check.js';
import { familyOf, isPeriod } from '../workflow-rules/families.js';
import { campusEntryFromRows } from './campus-entry-rows.js';
import { entryFiguresFromTallies, entryTalliesServe, monthsOf } from './entry-tallies.js';
import { schoolColumnIn, type TReportFilters } from './report-filters.js';
import { visibleSchools } from './report-scope.js';
import type { TCampusEntryReport, TSemesterQuery } from './reports.types.js';

/**
 * Entries per school against the semester cap, and teacher hours by whitelist item: planned hours
 * from the requests, hours spent from the schools' outcome parts. The bureau's (every request, no
 * creation window) come from entry_tallies — a few rows per school, item and month, however many
 * requests the semester had; other readers' and windows' from the semester's requests they may read.
 */
export async function campusEntryReport(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility } & TSemesterQuery,
): Promise<TCampusEntryReport> {
  const semester = input.semester ?? semesterOf(deps.clock().toISOString().slice(0, 10));
  const range = semesterRange(semester);
  const cap =
    (await loadPublished(deps, 'whitelist', range.from.slice(0, 4)))?.content.schoolCapPerSemester ??
    SCHOOL_SEMESTER_CAP;
  const family = await familyOf(deps, 'entryRules');
  const ids = family.map((m) => m.id);
  const schools = await visibleSchools(deps, input.user);
  // Tallies are kept by the activity month the period column holds.
  const tallied =
    isPeriod(family, (u) => u.params.dateField) &&
    (await entryTalliesServe(deps, input.ability, input, ids, range.from, range.to));
  const figures = tallied
    ? await entryFiguresFromTallies(deps, ids, monthsOf(range.from, range.to), input)
    : await campusEntryFromRows(deps, input, range, schools);
  return {
    semester,
    // 负担码 complaints per school, for the bureau only: a school must not learn who or how many complained.
    burden: schools === null ? await burdenPerSchool(deps, input, range) : [],
    cap,
    perSchool: figures.perSchool.map((r) => ({ ...r, cap })),
    hoursByItem: figures.hoursByItem,
  };
}

/** 负担码 complaints per school filed in the semester, off burden_reports_created_idx. */
async function burdenPerSchool(
  deps: Deps,
  input: TReportFilters,
  range: { from: string; to: string },
): Promise<TCampusEntryReport['burden']> {
  return (
    await deps.db
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
          // A range over the filing instant (the semester's first day up to the day after its last), not substr() of every complaint.
          gte(burdenReports.createdAt, range.from),
          lt(burdenReports.createdAt, dayAfter(range.to)),
          ...schoolColumnIn(burdenReports.schoolId, input),
          input.from ? gte(burdenReports.createdAt, dateBound(input.from, 'start')) : undefined,
          input.to ? lte(burdenReports.createdAt, dateBound(input.to, 'end')) : undefined,
        ),
      )
      .groupBy(burdenReports.schoolId, organisations.name)
      .orderBy(sql`3 desc`)
  ).map((r) => ({ ...r, reports: Number(r.reports), open: Number(r.open), hours: Number(r.hours) }));
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
