import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { awardTallies, instances, organisations } from '../../db/schema.js';
import { noIndex, sqlFalse, type TOn } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import { type BlockUse, outgoing, rank, type TDefinition, usesOf } from '../../engine.js';
import { familyField, type FamilyMember, familyOf } from '../workflow-rules/families.js';
import { createdWithin, schoolSubjectIn } from './report-filters.js';
import { familyOnly, readableOf, visibleSchools } from './report-scope.js';
import type { TAwardReport, TYearQuery } from './reports.types.js';
import { tallyScope } from './tally-scope.js';

/**
 * The steps where a level set by this action stands: from the action's target onwards (公示, 异议复核,
 * the approved end), until the instance comes back to the action's own step or to the step its scores
 * are collected in (a reopened review voids the level until it is ranked again).
 */
function standingStates(def: TDefinition, use: BlockUse<'levelByQuota'>): string[] {
  if (use.site.at !== 'action') return [];
  const { state, event } = use.site;
  const from = def.states[state];
  const target = from && 'on' in from ? from.on[event]?.to : undefined;
  if (!target) return [];
  const scoring = usesOf(def, 'trimmedMean')
    .filter((u) => u.site.at === 'action' && u.site.state === state && u.site.event === event)
    .map((u) => u.params.from);
  const stop = new Set([state, ...scoring]);
  const seen = new Set<string>();
  const queue = [target];
  while (queue.length) {
    const id = queue.shift()!;
    const s = def.states[id];
    if (!s || seen.has(id) || stop.has(id)) continue;
    seen.add(id);
    queue.push(...outgoing(s).map((e) => e.to));
  }
  return [...seen].filter(
    (id) => def.states[id].kind !== 'final' || (def.states[id] as { outcome?: string }).outcome === 'approved',
  );
}

/** Instances whose level stands; with `scopeLeads`, as a filter (unary +) the planner cannot walk by version or step. */
const levelStands = (on: TOn, family: Array<FamilyMember<'levelByQuota'>>, scopeLeads: boolean): SQL => {
  const [definitionId, state] = scopeLeads
    ? [noIndex(on, instances.definitionId), noIndex(on, instances.state)]
    : [sql`${instances.definitionId}`, sql`${instances.state}`];
  return (
    or(
      ...family.map((m) =>
        and(
          sql`${definitionId} = ${m.id}`,
          inArray(
            state,
            m.uses.flatMap((u) => standingStates(m.def, u)),
          ),
        ),
      ),
    ) ?? sqlFalse
  );
};

/**
 * Awards of a year by level, and the scored submissions ranked within each category. Readers scoped by
 * organisation count the levels from award_tallies (the levels that stand: the version's standing steps);
 * a creation window or other read rules count the year's rows. Readers of their own few submissions (a
 * principal, a group lead) are led by those, not by the district's year.
 */
export async function awardReport(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility } & TYearQuery,
): Promise<TAwardReport> {
  const year = input.year ?? deps.clock().toISOString().slice(0, 4);
  // A submission's subject is its school: the dashboard's filters narrow by school / group and creation date within the year.
  // Every workflow that levels by quota (a bureau's 课后服务评比 built from scratch as much as the template).
  const family = await familyOf(deps, 'levelByQuota');
  // No workflow levels by quota: nothing has a level or a score to rank (and their fields are bare NULLs).
  if (family.length === 0) return { year, byLevel: [], ranking: [] };
  const scopeLeads = (await visibleSchools(deps, input.user)) !== null;
  const created = scopeLeads ? noIndex(deps.db, instances.createdAt) : sql`${instances.createdAt}`;
  const inYear = and(
    // A range, not substr(): the year's rows come off (definition_id, created_at), not a walk of every year.
    sql`${created} >= ${`${year}-01-01`}`,
    sql`${created} < ${`${Number(year) + 1}-01-01`}`,
  );
  const where = and(
    readableOf({ db: deps.db, ...input, family, scopeLeads }),
    inYear,
    ...schoolSubjectIn(input),
    ...createdWithin(input),
  );
  const level = sql<string | null>`${familyField(family, (u) => u.params.levelField)}`;
  const score = familyField(family, (u) => u.params.scoreField, { as: 'number' });
  const countLevels = async (readable: SQL | undefined) =>
    (
      await deps.db
        .select({ level, count: sql<number>`count(*)` })
        .from(instances)
        .where(and(readable, levelStands(deps.db, family, scopeLeads), sql`${level} is not null`))
        .groupBy(level)
    ).map((r) => ({ level: r.level ?? '', count: Number(r.count) }));
  const scope = input.from || input.to ? null : await tallyScope(deps, input.user, input.ability, input);
  const byLevel = scope
    ? addLevels(
        await levelsFromTallies(deps, family, scope.orgs, year),
        scope.beyond ? await countLevels(and(familyOnly(deps.db, family, true), scope.beyond, inYear)) : [],
      )
    : await countLevels(where);
  const rows = await deps.db
    .select({
      instanceId: instances.id,
      category: sql<string>`coalesce(${familyField(family, (u) => u.params.categoryField)}, '')`,
      title: sql<string>`coalesce(${familyField(family, (u) => u.params.titleField)}, '')`,
      schoolId: instances.subjectOrgId,
      schoolName: organisations.name,
      state: instances.state,
      score: sql<number>`${score}`,
      level,
    })
    .from(instances)
    .innerJoin(organisations, eq(organisations.id, instances.subjectOrgId))
    .where(and(where, sql`${score} is not null`))
    // The best first and ties by id: which rows make the 1,000 and how ties line up is the same on every
    // reading, whatever plan the database took (PostgreSQL's hash joins gave them in another order).
    .orderBy(sql`${score} desc`, instances.id)
    .limit(1000);
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  return {
    year,
    byLevel,
    ranking: categories.map((category) => ({
      category,
      items: rank(rows.filter((r) => r.category === category).map((r) => ({ ...r, score: Number(r.score) }))),
    })),
  };
}

/** The levels standing at these organisations in the year: tally rows of the version's standing steps. */
async function levelsFromTallies(
  deps: Deps,
  family: Array<FamilyMember<'levelByQuota'>>,
  orgs: string[],
  year: string,
): Promise<TAwardReport['byLevel']> {
  if (orgs.length === 0 || family.length === 0) return [];
  const standing = new Map(family.map((m) => [m.id, new Set(m.uses.flatMap((u) => standingStates(m.def, u)))]));
  const rows = await deps.db
    .select()
    .from(awardTallies)
    .where(
      and(
        inArray(awardTallies.orgId, orgs),
        eq(awardTallies.year, year),
        inArray(
          awardTallies.definitionId,
          family.map((m) => m.id),
        ),
      ),
    );
  return addLevels(
    rows
      .filter((r) => r.n !== 0 && standing.get(r.definitionId)?.has(r.state))
      .map((r) => ({ level: r.level, count: r.n })),
    [],
  );
}

/** Counts per level summed, in the order SQL grouped them (by level). */
function addLevels(a: TAwardReport['byLevel'], b: TAwardReport['byLevel']): TAwardReport['byLevel'] {
  const m = new Map<string, number>();
  for (const r of [...a, ...b]) m.set(r.level, (m.get(r.level) ?? 0) + r.count);
  return [...m]
    .filter(([, n]) => n !== 0)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([level, count]) => ({ level, count }));
}
