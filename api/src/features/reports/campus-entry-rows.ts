import { and, eq, inArray, sql } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { instances, organisations } from '../../db/schema.js';
import { jsonEach, jsonNumber, jsonText, noIndex, sqlTrue } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import { familyField, familyOf, periodOrField } from '../workflow-rules/families.js';
import { createdWithin, schoolColumnIn } from './report-filters.js';
import { readableOf, schoolFilter } from './report-scope.js';
import type { TCampusEntryReport, TSemesterQuery } from './reports.types.js';

type TInput = { user: TAuthUser; ability: AppAbility } & TSemesterQuery;

/**
 * Entries per school and hours by item from the semester's requests the caller may read, off
 * (definition_id, period): for readers of their own few requests, for a creation window, and as the
 * reference the tallies are tested against. `schools`: the per-school rows the caller may see (null: all).
 */
export async function campusEntryFromRows(
  deps: Deps,
  input: TInput,
  range: { from: string; to: string },
  schools: Set<string> | null,
): Promise<Pick<TCampusEntryReport, 'perSchool' | 'hoursByItem'>> {
  // Every workflow running the rule set, under the field names its block gives; hours from the `teacherHours` block.
  const family = await familyOf(deps, 'entryRules');
  // The activity date is the family's period: a semester is then a range on (definition_id, period).
  const date = periodOrField(family, (u) => u.params.dateField);
  const schoolsOf = familyField(family, (u) => u.params.schoolsField, { as: 'json' });
  const item = familyField(family, (u) => u.params.itemField);
  const hours = await familyOf(deps, 'teacherHours');
  // A request visits several schools (data.schoolIds) and its subject is not one of them: a school or
  // group filter keeps the requests visiting a matching school, and the per-school rows of those schools.
  const visited = schoolColumnIn(sql`v.value`, input);
  // A reader of their own requests (a principal's school, an outside department's filings) is led by those,
  // not by the semester's every request: the period and family indexes are kept out of the plan for them.
  const scopeLeads = schools !== null;
  const counted = and(
    readableOf({ db: deps.db, ...input, family, scopeLeads }),
    visited.length
      ? sql`exists (select 1 from ${jsonEach(deps.db, schoolsOf, { as: 'text', alias: 'v' })} where ${and(...visited)})`
      : undefined,
    ...createdWithin(input),
    sql`${scopeLeads ? noIndex(deps.db, date) : date} between ${range.from} and ${range.to}`,
    sql`coalesce(${instances.outcome}, '') not in ('rejected', 'withdrawn', 'merged', 'cancelled')`,
  );
  const perSchool = await deps.db
    .select({
      schoolId: sql<string>`s.value`,
      schoolName: organisations.name,
      used: sql<number>`count(*)`,
    })
    .from(instances)
    .innerJoin(jsonEach(deps.db, schoolsOf, { as: 'text', alias: 's' }), sqlTrue)
    .innerJoin(organisations, eq(organisations.id, sql`s.value`))
    .where(and(counted, schoolFilter(sql`s.value`, schools), ...schoolColumnIn(sql`s.value`, input)))
    .groupBy(sql`s.value`, organisations.name)
    .orderBy(sql`3 desc`, organisations.name);
  const hoursByItem = await deps.db
    .select({
      itemCode: sql<string>`${item}`,
      requests: sql<number>`count(distinct ${instances.id})`,
      plannedTeacherHours: sql<number>`sum(coalesce(${familyField(hours, (u) => u.params.plannedField, { as: 'number' })}, 0))`,
    })
    .from(instances)
    .where(counted)
    .groupBy(sql`1`)
    .orderBy(sql`1`);
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
    for (const r of await deps.db
      .select({
        itemCode: sql<string>`${item}`,
        hours: sql<number>`sum(coalesce(${jsonNumber(deps.db, sql`p.value`, ['data', site.field])}, 0))`,
      })
      .from(instances)
      .innerJoin(
        // A collect step's parts: one per person, keyed by user id.
        jsonEach(deps.db, instances.snapshot, {
          as: 'json',
          of: 'object',
          alias: 'p',
          path: ['context', 'collections', site.step, 'parts'],
        }),
        sqlTrue,
      )
      .where(
        and(
          counted,
          inArray(scopeLeads ? noIndex(deps.db, instances.definitionId) : sql`${instances.definitionId}`, site.ids),
          sql`${jsonText(deps.db, sql`p.value`, ['status'])} = 'submitted'`,
        ),
      )
      .groupBy(sql`1`))
      spent.set(r.itemCode, (spent.get(r.itemCode) ?? 0) + Number(r.hours ?? 0));
  return {
    perSchool: perSchool.map((r) => ({ schoolId: r.schoolId, schoolName: r.schoolName, used: Number(r.used), cap: 0 })),
    hoursByItem: hoursByItem.map((r) => ({
      itemCode: r.itemCode,
      requests: Number(r.requests),
      plannedTeacherHours: Number(r.plannedTeacherHours ?? 0),
      spentTeacherHours: spent.get(r.itemCode) ?? 0,
    })),
  };
}
