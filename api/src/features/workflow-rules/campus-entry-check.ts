import { and, count, eq, gte, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import { instances, organisations } from '../../db/schema.js';
import { jsonEach } from '../../db/sql-dialect.js';
import { takeTurnsOn } from '../../db/take-turns.js';
import type { Deps } from '../../deps.js';
import {
  type BlockParams,
  checkEntryRequest,
  type EntryRefusal,
  type EntryRequest,
  type EntryRuleName,
  semesterOf,
} from '../../engine.js';
import { loadPublished } from '../reference/load-reference.js';
import type { TWhitelistDoc } from '../reference/reference.types.js';
import { familyField, type FamilyMember, familyOf, inFamily } from './families.js';

/** Social-affair activities a school may receive per semester when no whitelist says otherwise (DOMAIN.md: 6 is typical). */
export const SCHOOL_SEMESTER_CAP = 6;
type Params = BlockParams<'entryRules'>;
type Family = Array<FamilyMember<'entryRules'>>;

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The dates a semester covers: autumn runs September–January, spring February–August (as semesterOf). */
export function semesterRange(semester: string): { from: string; to: string } {
  const [y, half] = semester.split('-');
  const year = Number(y);
  return half === 'autumn'
    ? { from: `${year}-09-01`, to: `${year + 1}-01-31` }
    : { from: `${year}-02-01`, to: `${year}-08-31` };
}

/** The fields every workflow with the rule set names, as SQL over its instances. */
const fields = (family: Family) => ({
  date: familyField(family, (u) => u.params.dateField),
  item: familyField(family, (u) => u.params.itemField),
  schools: familyField(family, (u) => u.params.schoolsField, { as: 'json' }),
});

/**
 * Requests that count against the caps: other instances of every workflow running the rule set (a
 * bureau's copy counts with the original) whose activity falls in the same semester, neither refused,
 * withdrawn nor merged (pending ones count too, or ten filed at once would all pass).
 */
async function usedIn(
  deps: Pick<Deps, 'db'>,
  family: Family,
  semester: string,
  instanceId: string | string[] | null,
  ...extra: SQL[]
): Promise<number> {
  if (family.length === 0) return 0;
  const { from, to } = semesterRange(semester);
  const date = fields(family).date;
  const where = [
    inFamily(family),
    sql`${date} between ${from} and ${to}`,
    sql`coalesce(${instances.outcome}, '') not in ('rejected', 'withdrawn', 'merged', 'cancelled')`,
    ...(typeof instanceId === 'string' ? [sql`${instances.id} <> ${instanceId}`] : []),
    ...(Array.isArray(instanceId) && instanceId.length ? [notInArray(instances.id, instanceId)] : []),
    ...extra,
  ];
  return (
    (
      await deps.db
        .select({ n: count() })
        .from(instances)
        .where(and(...where))
        .limit(1)
    )[0]?.n ?? 0
  );
}

const atSchool = (deps: Pick<Deps, 'db'>, family: Family, schoolId: string) =>
  sql`exists (select 1 from ${jsonEach(deps.db, fields(family).schools, { as: 'text' })} where value = ${schoolId})`;

/**
 * An emergency addition (lead time waived) counts only when the leading group approved it for this
 * item: the bureau registers the approval (document number) in a new published whitelist version.
 */
function emergencyRefusal(whitelist: TWhitelistDoc, emergency: boolean, itemCode: string): EntryRefusal | null {
  if (!emergency) return null;
  if (whitelist.emergencyApprovals.some((a) => a.itemCode === itemCode)) return null;
  return {
    rule: 'emergencyApproved',
    message: {
      'zh-CN': '临时增补须经教育工作领导小组批准，并由教委在白名单中登记批准文号',
      en: 'An emergency addition needs the leading group’s approval, registered by the bureau in the whitelist',
    },
  };
}

/** An item scoped to school kinds (e.g. only kindergartens) may not reach the other schools; the kind is the school's group's. */
async function outOfScope(
  deps: Pick<Deps, 'db'>,
  whitelist: TWhitelistDoc,
  request: EntryRequest,
): Promise<EntryRefusal[]> {
  const item = whitelist.items.find((i) => i.code === request.itemCode);
  if (!item || item.scope.length === 0 || request.schoolIds.length === 0) return [];
  const groups = alias(organisations, 'g');
  const rows = await deps.db
    .select({ id: organisations.id, name: organisations.name, kind: groups.groupKind })
    .from(organisations)
    .leftJoin(groups, eq(groups.id, organisations.parentId))
    .where(inArray(organisations.id, request.schoolIds));
  return rows
    .filter((r) => !item.scope.includes(r.kind ?? ''))
    .map((r) => ({
      rule: 'inScope',
      schoolId: r.id,
      message: {
        'zh-CN': `${r.name}不在该事项的适用范围（${item.scope.join('、')}）内`,
        en: `${r.name} is outside this item's scope (${item.scope.join(', ')})`,
      },
    }));
}

/**
 * Automatic checks against the whitelist the bureau published for the activity's year:
 * on the whitelist, in its window, lead time, not commercial, school cap and item frequency per semester,
 * and the item's scope of school kinds.
 * Null when no whitelist is published for that year (the caller falls back to the basic checks).
 * `instanceId`: the request(s) being checked, left out of the usage (a merge passes all of them).
 */
async function whitelistRefusals(
  deps: Pick<Deps, 'db'>,
  p: Params,
  family: Family,
  data: Record<string, unknown>,
  now: Date,
  instanceId: string | string[] | null,
): Promise<EntryRefusal[] | null> {
  const date = typeof data[p.dateField] === 'string' ? (data[p.dateField] as string) : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  // A school year spans two calendar years: January's activities may fall under last year's whitelist.
  const year = Number(date.slice(0, 4));
  const published =
    (await loadPublished(deps, 'whitelist', String(year))) ??
    (await loadPublished(deps, 'whitelist', String(year - 1)));
  if (!published) return null;
  // The block may set its own lead time and cap; otherwise the whitelist's apply.
  const whitelist: TWhitelistDoc = {
    ...published.content,
    leadTimeDays: p.leadTimeDays ?? published.content.leadTimeDays,
    schoolCapPerSemester: p.schoolCapPerSemester ?? published.content.schoolCapPerSemester,
  };
  const itemCode = String(data[p.itemField] ?? '');
  const emergency = data[p.emergencyField] === true;
  const emergencyProblem = emergencyRefusal(whitelist, emergency, itemCode);
  const request: EntryRequest = {
    itemCode,
    schoolIds: strings(data[p.schoolsField]),
    date,
    filedOn: now.toISOString().slice(0, 10),
    commercial: data[p.commercialField] === true,
    feeCharging: data[p.feeField] === true,
    emergency: emergency && emergencyProblem === null,
  };
  const semester = semesterOf(date);
  const perSchool: Record<string, number> = {};
  const perSchoolItem: Record<string, number> = {};
  for (const schoolId of request.schoolIds) {
    perSchool[schoolId] = await usedIn(deps, family, semester, instanceId, atSchool(deps, family, schoolId));
    perSchoolItem[`${schoolId}:${request.itemCode}`] = await usedIn(
      deps,
      family,
      semester,
      instanceId,
      atSchool(deps, family, schoolId),
      sql`${fields(family).item} = ${request.itemCode}`,
    );
  }
  const refusals = checkEntryRequest(request, whitelist, { perSchool, perSchoolItem });
  const scopeProblems = await outOfScope(deps, whitelist, request);
  return [...(emergencyProblem ? [emergencyProblem] : []), ...refusals, ...scopeProblems];
}

/** Other requests of the family created this semester (by the clock), for the checks without a whitelist. */
async function createdThisSemester(
  deps: Pick<Deps, 'db'>,
  family: Family,
  now: Date,
  instanceId: string | string[] | null,
  ...extra: SQL[]
): Promise<number> {
  if (family.length === 0) return 0;
  const where = [
    inFamily(family),
    gte(instances.createdAt, semesterStart(now)),
    sql`coalesce(${instances.outcome}, '') not in ('rejected', 'withdrawn', 'merged', 'cancelled')`,
    ...(typeof instanceId === 'string' ? [sql`${instances.id} <> ${instanceId}`] : []),
    ...(Array.isArray(instanceId) && instanceId.length ? [notInArray(instances.id, instanceId)] : []),
    ...extra,
  ];
  return (
    (
      await deps.db
        .select({ n: count() })
        .from(instances)
        .where(and(...where))
        .limit(1)
    )[0]?.n ?? 0
  );
}

/** Start of the current semester (Feb 1 / Sep 1, UTC): the period the caps in DOMAIN.md count over. */
export function semesterStart(now: Date): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const start =
    m >= 8 ? new Date(Date.UTC(y, 8, 1)) : m >= 1 ? new Date(Date.UTC(y, 1, 1)) : new Date(Date.UTC(y - 1, 8, 1));
  return start.toISOString();
}

/** Without a whitelist for the activity's year, only what the API knows by itself: not commercial or fee-charging, the school cap. */
async function basicRefusals(
  deps: Pick<Deps, 'db'>,
  p: Params,
  family: Family,
  data: Record<string, unknown>,
  now: Date,
  instanceId: string | string[] | null,
): Promise<EntryRefusal[]> {
  const out: EntryRefusal[] = [];
  if (data[p.commercialField] === true)
    out.push({
      rule: 'notCommercial',
      message: { 'zh-CN': '商业性质的活动不得进校园', en: 'Commercial activities may not enter schools' },
    });
  if (data[p.feeField] === true)
    out.push({
      rule: 'notCommercial',
      message: { 'zh-CN': '收费活动不得进校园', en: 'Fee-charging activities may not enter schools' },
    });
  const cap = p.schoolCapPerSemester ?? SCHOOL_SEMESTER_CAP;
  for (const schoolId of strings(data[p.schoolsField])) {
    const used = await createdThisSemester(deps, family, now, instanceId, atSchool(deps, family, schoolId));
    if (used < cap) continue;
    const name =
      (
        await deps.db
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, schoolId))
          .limit(1)
      )[0]?.name ?? schoolId;
    out.push({
      rule: 'schoolCap',
      schoolId,
      message: {
        'zh-CN': `${name}本学期已有 ${used} 项进校园活动，达到上限 ${cap} 项`,
        en: `${name} already has ${used} activities this semester (cap ${cap})`,
      },
    });
  }
  return out;
}

/**
 * The 社会事务进校园 rule set a definition declares (block `entryRules`): each refusal names its rule,
 * only the rules the block switches on count. With a whitelist published for the activity's year the
 * full checks run against it; without one, only the basic ones. `instanceId`: the request(s) being
 * checked, left out of the usage (a merge passes all of them).
 */
export async function entryRuleRefusals(
  deps: Pick<Deps, 'db'>,
  p: Params,
  data: Record<string, unknown>,
  now: Date,
  instanceId: string | string[] | null,
): Promise<EntryRefusal[]> {
  // Counting a school's entries and deciding is one turn per school across every node (take-turns.ts).
  await takeTurnsOn(
    deps.db,
    strings(data[p.schoolsField]).map((school) => `campus-entries:${school}`),
  );
  const family = await familyOf(deps, 'entryRules');
  const all =
    (await whitelistRefusals(deps, p, family, data, now, instanceId)) ??
    (await basicRefusals(deps, p, family, data, now, instanceId));
  const on = new Set<string>(p.rules satisfies EntryRuleName[]);
  return all.filter((r) => on.has(r.rule));
}
