import { and, count, eq, gte, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { definitions, instances, organisations, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { Actor, Subject, TDefinition, TLocalizedText } from '../../engine.js';
import { loadPublished } from '../reference/load-reference.js';
import { whitelistRefusals } from '../workflow-rules/campus-entry-check.js';

/** Social-affair activities a school may receive per semester (DOMAIN.md: 6 is typical). */
export const SCHOOL_SEMESTER_CAP = 6;

type FactInput = { def: TDefinition; subject: Subject; actor: Actor; now: Date; data: Record<string, unknown>; instanceId: string | null };
type Refusal = { rule: string; message: TLocalizedText };

/** Start of the current semester (Feb 1 / Sep 1, UTC): the period the caps in DOMAIN.md count over. */
export function semesterStart(now: Date): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const start = m >= 8 ? new Date(Date.UTC(y, 8, 1)) : m >= 1 ? new Date(Date.UTC(y, 1, 1)) : new Date(Date.UTC(y - 1, 8, 1));
  return start.toISOString();
}

/** The fact names this definition's guards read (`params.fact`), so only those are computed. */
function factsUsed(def: TDefinition): Set<string> {
  const names = new Set<string>();
  for (const state of Object.values(def.states)) {
    const guards = [
      ...('on' in state ? Object.values(state.on).flatMap((t) => t.guards ?? []) : []),
      ...(state.kind === 'auto' ? state.choices.flatMap((c) => c.guards) : []),
    ];
    for (const g of guards)
      for (const key of ['fact', 'capFact'] as const) if (typeof g.params?.[key] === 'string') names.add(g.params[key] as string);
  }
  return names;
}

/** Where the transitions guarded by this fact lead (e.g. RECOMMEND → preliminary). */
function targetsGuardedBy(def: TDefinition, fact: string): string[] {
  return Object.values(def.states).flatMap((state) =>
    'on' in state ? Object.values(state.on).filter((t) => t.guards?.some((g) => g.params?.fact === fact)).map((t) => t.to) : [],
  );
}

/** Other instances of this definition key (any version) this semester, not refused or withdrawn. */
function sameKeyThisSemester(deps: Pick<Deps, 'db'>, input: FactInput, ...extra: SQL[]): number {
  const ids = deps.db.select({ id: definitions.id }).from(definitions).where(eq(definitions.key, input.def.key)).all().map((d) => d.id);
  if (ids.length === 0) return 0;
  const where = [
    inArray(instances.definitionId, ids),
    gte(instances.createdAt, semesterStart(input.now)),
    sql`coalesce(${instances.outcome}, '') not in ('rejected', 'withdrawn', 'merged')`,
    ...(input.instanceId ? [ne(instances.id, input.instanceId)] : []),
    ...extra,
  ];
  return deps.db.select({ n: count() }).from(instances).where(and(...where)).get()?.n ?? 0;
}

/**
 * 社会事务进校园 automatic checks; each refusal names its rule. With a whitelist published for the
 * activity's year, the full checks run against it; without one, only what the API knows by itself.
 */
export function entryRefusals(deps: Pick<Deps, 'db'>, input: FactInput): Refusal[] {
  const checked = whitelistRefusals(deps, input.data, input.now, input.instanceId);
  if (checked) return checked;
  const out: Refusal[] = [];
  if (input.data.commercial === true)
    out.push({ rule: 'notCommercial', message: { 'zh-CN': '商业性质的活动不得进校园', en: 'Commercial activities may not enter schools' } });
  if (input.data.feeCharging === true)
    out.push({ rule: 'notFeeCharging', message: { 'zh-CN': '收费活动不得进校园', en: 'Fee-charging activities may not enter schools' } });
  const schools = Array.isArray(input.data.schoolIds) ? input.data.schoolIds.filter((x): x is string => typeof x === 'string') : [];
  for (const schoolId of schools) {
    const used = sameKeyThisSemester(
      deps,
      input,
      sql`exists (select 1 from json_each(${instances.data}, '$.schoolIds') where value = ${schoolId})`,
    );
    if (used < SCHOOL_SEMESTER_CAP) continue;
    const name = deps.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, schoolId)).get()?.name ?? schoolId;
    out.push({
      rule: 'withinSchoolCap',
      message: {
        'zh-CN': `${name}本学期已有 ${used} 项进校园活动，达到上限 ${SCHOOL_SEMESTER_CAP} 项`,
        en: `${name} already has ${used} activities this semester (cap ${SCHOOL_SEMESTER_CAP})`,
      },
    });
  }
  return out;
}


/**
 * Facts the guard registry reads, by the `fact` names definitions use; the engine stays pure:
 * - `subjectInstancesThisSemester`: other instances of this workflow about this subject this semester;
 * - `schoolRecommendations`: of those, the ones that reached the step the capped transition leads to;
 * - `schoolRecommendationQuota`: the school quota of the published award rubric;
 * - `conflicted`: the actor holds a role at the subject's school or group (回避);
 * - `entryRefusals`: the campus-entry checks (commercial, fee-charging, per-school semester cap).
 * The published whitelist (items, windows, frequencies) and award rubric (school quota) feed them.
 */
export function engineFacts(deps: Pick<Deps, 'db'>, input: FactInput): Record<string, unknown> {
  const used = factsUsed(input.def);
  const facts: Record<string, unknown> = {};
  const atSubject = eq(instances.subjectOrgId, input.subject.orgId);
  if (used.has('subjectInstancesThisSemester')) facts.subjectInstancesThisSemester = sameKeyThisSemester(deps, input, atSubject);
  if (used.has('schoolRecommendations')) {
    // Recommended = reached the step the capped transition leads to; its tasks prove it without reading snapshots.
    const targets = targetsGuardedBy(input.def, 'schoolRecommendations');
    const reached = sql`exists (select 1 from ${tasks} where ${tasks.instanceId} = ${instances.id} and ${inArray(tasks.state, targets)})`;
    const recommended = targets.length ? sameKeyThisSemester(deps, input, atSubject, reached) : 0;
    facts.schoolRecommendations = recommended;
  }
  // The published award rubric's school quota; withinCap falls back to the definition's cap without it.
  if (used.has('schoolRecommendationQuota')) {
    const quota = loadPublished(deps, 'award-rubric')?.content.schoolQuota;
    if (quota !== undefined) facts.schoolRecommendationQuota = quota;
  }
  if (used.has('entryRefusals')) facts.entryRefusals = entryRefusals(deps, input);
  const near = new Set(input.subject.path.slice(1));
  facts.conflicted = input.actor.roles.some((g) => near.has(g.orgId));
  return facts;
}
