import { and, count, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { definitions, instances, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { checkEntryRequest, semesterOf, type EntryRefusal, type EntryRequest } from '../../domain.js';
import { loadPublished } from '../reference/load-reference.js';
import type { TWhitelistDoc } from '../reference/reference.types.js';

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The dates a semester covers: autumn runs September–January, spring February–August (as semesterOf). */
export function semesterRange(semester: string): { from: string; to: string } {
  const [y, half] = semester.split('-');
  const year = Number(y);
  return half === 'autumn' ? { from: `${year}-09-01`, to: `${year + 1}-01-31` } : { from: `${year}-02-01`, to: `${year}-08-31` };
}

/**
 * Requests that count against the caps: other campus-entry instances whose activity falls in the
 * same semester, neither refused nor withdrawn (pending ones count too, or ten filed at once would all pass).
 */
function usedIn(deps: Pick<Deps, 'db'>, semester: string, instanceId: string | string[] | null, ...extra: SQL[]): number {
  const ids = deps.db.select({ id: definitions.id }).from(definitions).where(eq(definitions.key, 'campus-entry')).all().map((d) => d.id);
  if (ids.length === 0) return 0;
  const { from, to } = semesterRange(semester);
  const date = sql`json_extract(${instances.data}, '$.activityDate')`;
  const where = [
    inArray(instances.definitionId, ids),
    sql`${date} between ${from} and ${to}`,
    sql`coalesce(${instances.outcome}, '') not in ('rejected', 'withdrawn', 'merged')`,
    ...(typeof instanceId === 'string' ? [sql`${instances.id} <> ${instanceId}`] : []),
    ...(Array.isArray(instanceId) && instanceId.length ? [notInArray(instances.id, instanceId)] : []),
    ...extra,
  ];
  return deps.db.select({ n: count() }).from(instances).where(and(...where)).get()?.n ?? 0;
}

const atSchool = (schoolId: string) => sql`exists (select 1 from json_each(${instances.data}, '$.schoolIds') where value = ${schoolId})`;

/**
 * An emergency addition (lead time waived) counts only when the leading group approved it for this
 * item: the bureau registers the approval (document number) in a new published whitelist version.
 */
function emergencyRefusal(whitelist: TWhitelistDoc, data: Record<string, unknown>): EntryRefusal | null {
  if (data.emergency !== true) return null;
  if (whitelist.emergencyApprovals.some((a) => a.itemCode === data.itemCode)) return null;
  return {
    rule: 'emergencyApproved',
    message: {
      'zh-CN': '临时增补须经教育工作领导小组批准，并由教委在白名单中登记批准文号',
      en: 'An emergency addition needs the leading group’s approval, registered by the bureau in the whitelist',
    },
  };
}

/** An item scoped to school kinds (e.g. only kindergartens) may not reach the other schools; the kind is the school's group's. */
function outOfScope(deps: Pick<Deps, 'db'>, whitelist: TWhitelistDoc, request: EntryRequest): EntryRefusal[] {
  const item = whitelist.items.find((i) => i.code === request.itemCode);
  if (!item || item.scope.length === 0 || request.schoolIds.length === 0) return [];
  const groups = alias(organisations, 'g');
  const rows = deps.db
    .select({ id: organisations.id, name: organisations.name, kind: groups.groupKind })
    .from(organisations)
    .leftJoin(groups, eq(groups.id, organisations.parentId))
    .where(inArray(organisations.id, request.schoolIds))
    .all();
  return rows
    .filter((r) => !item.scope.includes(r.kind ?? ''))
    .map((r) => ({
      rule: 'inScope',
      schoolId: r.id,
      message: { 'zh-CN': `${r.name}不在该事项的适用范围（${item.scope.join('、')}）内`, en: `${r.name} is outside this item's scope (${item.scope.join(', ')})` },
    }));
}

/**
 * 社会事务进校园 automatic checks against the whitelist the bureau published for the activity's year:
 * on the whitelist, in its window, lead time, not commercial, school cap and item frequency per semester,
 * and the item's scope of school kinds.
 * Null when no whitelist is published for that year (the caller falls back to the basic checks).
 * `instanceId`: the request(s) being checked, left out of the usage (a merge passes all of them).
 */
export function whitelistRefusals(deps: Pick<Deps, 'db'>, data: Record<string, unknown>, now: Date, instanceId: string | string[] | null): EntryRefusal[] | null {
  const date = typeof data.activityDate === 'string' ? data.activityDate : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  // A school year spans two calendar years: January's activities may fall under last year's whitelist.
  const year = Number(date.slice(0, 4));
  const published = loadPublished(deps, 'whitelist', String(year)) ?? loadPublished(deps, 'whitelist', String(year - 1));
  if (!published) return null;
  const whitelist: TWhitelistDoc = published.content;
  const emergencyProblem = emergencyRefusal(whitelist, data);
  const request: EntryRequest = {
    itemCode: String(data.itemCode ?? ''),
    schoolIds: strings(data.schoolIds),
    date,
    filedOn: now.toISOString().slice(0, 10),
    commercial: data.commercial === true,
    feeCharging: data.feeCharging === true,
    emergency: data.emergency === true && emergencyProblem === null,
  };
  const semester = semesterOf(date);
  const perSchool: Record<string, number> = {};
  const perSchoolItem: Record<string, number> = {};
  for (const schoolId of request.schoolIds) {
    perSchool[schoolId] = usedIn(deps, semester, instanceId, atSchool(schoolId));
    perSchoolItem[`${schoolId}:${request.itemCode}`] = usedIn(deps, semester, instanceId, atSchool(schoolId), sql`json_extract(${instances.data}, '$.itemCode') = ${request.itemCode}`);
  }
  const refusals = checkEntryRequest(request, whitelist, { perSchool, perSchoolItem });
  const scopeProblems = outOfScope(deps, whitelist, request);
  return [...(emergencyProblem ? [emergencyProblem] : []), ...refusals, ...scopeProblems];
}
