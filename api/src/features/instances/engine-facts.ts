import { and, count, eq, gte, inArray, ne, type SQL, sql } from 'drizzle-orm';

import { definitions, instances, tasks } from '../../db/schema.js';
import { takeTurnsOn } from '../../db/take-turns.js';
import type { Deps } from '../../deps.js';
import { type Actor, type Subject, type TDefinition, usesOf } from '../../engine.js';
import type { LazyValues } from '../../lib/lazily.js';
import { loadPublished } from '../reference/load-reference.js';
import { entryRuleRefusals, semesterStart } from '../workflow-rules/campus-entry-check.js';

type FactInput = {
  def: TDefinition;
  subject: Subject;
  actor: Actor;
  now: Date;
  data: Record<string, unknown>;
  instanceId: string | null;
};

/** The fact names this definition's guards read (`params.fact`), so only those are computed. */
function factsUsed(def: TDefinition): Set<string> {
  const names = new Set<string>();
  for (const state of Object.values(def.states)) {
    const guards = [
      ...('on' in state ? Object.values(state.on).flatMap((t) => t.guards ?? []) : []),
      ...(state.kind === 'auto' ? state.choices.flatMap((c) => c.guards) : []),
    ];
    for (const g of guards)
      for (const key of ['fact', 'capFact'] as const)
        if (typeof g.params?.[key] === 'string') names.add(g.params[key] as string);
  }
  return names;
}

/** Where the transitions guarded by this fact lead (e.g. RECOMMEND → preliminary). */
function targetsGuardedBy(def: TDefinition, fact: string): string[] {
  return Object.values(def.states).flatMap((state) =>
    'on' in state
      ? Object.values(state.on)
          .filter((t) => t.guards?.some((g) => g.params?.fact === fact))
          .map((t) => t.to)
      : [],
  );
}

/** Other instances of this definition key (any version) this semester, not refused or withdrawn. */
async function sameKeyThisSemester(deps: Pick<Deps, 'db'>, input: FactInput, ...extra: SQL[]): Promise<number> {
  const ids = (
    await deps.db.select({ id: definitions.id }).from(definitions).where(eq(definitions.key, input.def.key))
  ).map((d) => d.id);
  if (ids.length === 0) return 0;
  // The count a cap is checked against: one transaction at a time per workflow and subject (take-turns.ts).
  await takeTurnsOn(deps.db, [`instances-of:${input.def.key}:${input.subject.orgId}`]);
  const where = [
    inArray(instances.definitionId, ids),
    gte(instances.createdAt, semesterStart(input.now)),
    sql`coalesce(${instances.outcome}, '') not in ('rejected', 'withdrawn', 'merged', 'cancelled')`,
    ...(input.instanceId ? [ne(instances.id, input.instanceId)] : []),
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

/**
 * Facts the guard registry reads, by the `fact` names definitions use; the engine stays pure:
 * - `subjectInstancesThisSemester`: other instances of this workflow about this subject this semester;
 * - `schoolRecommendations`: of those, the ones that reached the step the capped transition leads to;
 * - `schoolRecommendationQuota`: the school quota of the published award rubric;
 * - `conflicted`: the actor holds a role at the subject's school or group (回避);
 * - and the facts of the definition's blocks: an `entryRules` block's refusals under its `fact` name.
 * The published whitelist (items, windows, frequencies) and award rubric (school quota) feed them.
 */
export async function engineFacts(
  deps: Pick<Deps, 'db'>,
  input: FactInput,
  lazy: LazyValues,
): Promise<Record<string, unknown>> {
  const used = factsUsed(input.def);
  const facts: Record<string, unknown> = {};
  const atSubject = eq(instances.subjectOrgId, input.subject.orgId);
  if (used.has('subjectInstancesThisSemester'))
    lazy.define(facts, 'subjectInstancesThisSemester', () => sameKeyThisSemester(deps, input, atSubject));
  if (used.has('schoolRecommendations'))
    lazy.define(facts, 'schoolRecommendations', async () => {
      // Recommended = reached the step the capped transition leads to; its tasks prove it without reading snapshots.
      const targets = targetsGuardedBy(input.def, 'schoolRecommendations');
      const reached = sql`exists (select 1 from ${tasks} where ${tasks.instanceId} = ${instances.id} and ${inArray(tasks.state, targets)})`;
      return targets.length ? await sameKeyThisSemester(deps, input, atSubject, reached) : 0;
    });
  // The published award rubric's school quota; withinCap falls back to the definition's cap without it.
  if (used.has('schoolRecommendationQuota')) {
    const quota = (await loadPublished(deps, 'award-rubric'))?.content.schoolQuota;
    if (quota !== undefined) facts.schoolRecommendationQuota = quota;
  }
  for (const use of usesOf(input.def, 'entryRules'))
    if (used.has(use.params.fact))
      lazy.define(facts, use.params.fact, () =>
        entryRuleRefusals(deps, use.params, input.data, input.now, input.instanceId),
      );
  const near = new Set(input.subject.path.slice(1));
  facts.conflicted = input.actor.roles.some((g) => near.has(g.orgId));
  return facts;
}
