import { and, eq, inArray } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { entryTallies, entryTallyFields, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TReportFilters } from './report-filters.js';
import type { TCampusEntryReport } from './reports.types.js';

/** The months a semester's activity dates fall in ('2026-09'..'2027-01'): the keys of its tallies. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (
    let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
    d.toISOString().slice(0, 7) <= to.slice(0, 7);
    d.setUTCMonth(d.getUTCMonth() + 1)
  )
    months.push(d.toISOString().slice(0, 7));
  return months;
}

/**
 * Whether the tallies answer this reader: one who reads every request (the bureau, the auditor), with no
 * creation window (tallies are kept by activity month), every version of the family declared to them,
 * and a semester of whole months. Everyone else reads their own requests' rows.
 */
export async function entryTalliesServe(
  deps: Pick<Deps, 'db'>,
  ability: AppAbility,
  q: TReportFilters,
  family: string[],
  from: string,
  to: string,
): Promise<boolean> {
  if (
    q.from ||
    q.to ||
    (q.schoolId && q.groupId) ||
    family.length === 0 ||
    !from.endsWith('-01') ||
    monthEnd(to) !== to
  )
    return false;
  const rules = ability.rulesFor('read', 'Instance');
  if (!rules.some((r) => !r.conditions && !r.inverted) || rules.some((r) => r.inverted)) return false;
  return (
    (
      await deps.db
        .select({ id: entryTallyFields.definitionId })
        .from(entryTallyFields)
        .where(inArray(entryTallyFields.definitionId, family))
    ).length === family.length
  );
}

const monthEnd = (day: string) => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
};

/** Per-school entries and hours by item for the semester's months, from entry_tallies: a few rows per school and item. */
export async function entryFiguresFromTallies(
  deps: Pick<Deps, 'db'>,
  family: string[],
  months: string[],
  q: TReportFilters,
): Promise<Pick<TCampusEntryReport, 'perSchool' | 'hoursByItem'>> {
  const read = async (kind: 'all' | 'school' | 'schoolItem' | 'groupItem', orgs?: string[]) =>
    await deps.db
      .select({
        orgId: entryTallies.orgId,
        itemCode: entryTallies.itemCode,
        n: entryTallies.n,
        planned: entryTallies.planned,
        spent: entryTallies.spent,
      })
      .from(entryTallies)
      .where(
        and(
          inArray(entryTallies.definitionId, family),
          inArray(entryTallies.month, months),
          eq(entryTallies.kind, kind),
          orgs ? inArray(entryTallies.orgId, orgs) : undefined,
        ),
      );
  // A school filter keeps that school; a group filter the schools whose parent it is (as schoolColumnIn does).
  const schoolsWanted = q.schoolId
    ? [q.schoolId]
    : q.groupId
      ? (
          await deps.db
            .select({ id: organisations.id })
            .from(organisations)
            .where(eq(organisations.parentId, q.groupId))
        ).map((o) => o.id)
      : undefined;
  const schoolRows = schoolsWanted && schoolsWanted.length === 0 ? [] : await read('school', schoolsWanted);
  // A request counts once per item: in all, at a visited school, or at the group of any school it visits.
  const itemRows = q.schoolId
    ? await read('schoolItem', [q.schoolId])
    : q.groupId
      ? await read('groupItem', [q.groupId])
      : await read('all');
  const used = new Map<string, number>();
  for (const r of schoolRows) used.set(r.orgId, (used.get(r.orgId) ?? 0) + r.n);
  const items = new Map<string, { requests: number; planned: number; spent: number }>();
  for (const r of itemRows) {
    const it = items.get(r.itemCode) ?? { requests: 0, planned: 0, spent: 0 };
    items.set(r.itemCode, { requests: it.requests + r.n, planned: it.planned + r.planned, spent: it.spent + r.spent });
  }
  const ids = [...used].filter(([, n]) => n > 0).map(([id]) => id);
  const names = new Map(
    ids.length
      ? (
          await deps.db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, ids))
        ).map((o) => [o.id, o.name])
      : [],
  );
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    perSchool: ids
      .flatMap((id) =>
        names.has(id)
          ? [{ schoolId: id, schoolName: names.get(id) as string, used: used.get(id) as number, cap: 0 }]
          : [],
      )
      .sort((a, b) => b.used - a.used || byName(a.schoolName, b.schoolName)),
    hoursByItem: [...items]
      .filter(([, v]) => v.requests > 0)
      .sort(([a], [b]) => byName(a, b))
      .map(([itemCode, v]) => ({
        itemCode,
        requests: v.requests,
        plannedTeacherHours: v.planned,
        spentTeacherHours: v.spent,
      })),
  };
}
