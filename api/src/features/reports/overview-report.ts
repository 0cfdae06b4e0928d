import { and, count, eq, gte, lte, type SQL, sql } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import type { TAuthUser } from '../../auth/user.js';
import { definitions, instances, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { dateBound } from '../../lib/date-bound.js';
import { BURDEN_TASK } from '../burden/burden-task.js';
import { parsedDefinition } from '../definitions/load-definition.js';
import { instanceFields } from '../instances/instance-subject.js';
import { burdenTaskCounts } from './burden-task-counts.js';
import type { TOverview, TOverviewQuery } from './overview.types.js';
import { tallyCounts, type TOverviewCounts } from './overview-tallies.js';
import { tallyScope } from './tally-scope.js';

/**
 * The dashboard's first row: instances per workflow and state, open and overdue tasks, counting exactly
 * what the reader may read (a principal's dashboard counts their school only). Readers scoped by
 * organisation — the bureau, group leads, principals — get them from the tallies (ADR 0016), so the
 * bureau's home page costs the same at a million instances as at a thousand.
 */
export async function overviewReport(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; query: TOverviewQuery },
): Promise<TOverview> {
  const q = input.query;
  const now = deps.clock().toISOString();
  const { byState, taskCounts } = await overviewCounts(deps, input, now);

  // Versions of one workflow are one row on the dashboard: group by key, name from the newest version.
  const defRows = await deps.db.select().from(definitions);
  const defById = new Map(defRows.map((d) => [d.id, d]));
  const newest = new Map<string, (typeof defRows)[number]>();
  for (const d of defRows) if ((newest.get(d.key)?.version ?? -1) < d.version) newest.set(d.key, d);
  const nameOf = (key: string) => {
    const d = newest.get(key);
    if (!d && key === BURDEN_TASK.key) return { ...BURDEN_TASK.name };
    return d ? { 'zh-CN': d.nameZh, en: d.nameEn } : { 'zh-CN': key, en: key };
  };

  const workflows = new Map<string, Map<string, { stateName: { 'zh-CN': string; en: string }; count: number }>>();
  for (const r of byState) {
    const d = defById.get(r.definitionId);
    if (!d) continue;
    const states = workflows.get(d.key) ?? new Map();
    workflows.set(d.key, states);
    const prior = states.get(r.state);
    const stateName = (await parsedDefinition(deps, d)).states[r.state]?.name ?? { 'zh-CN': r.state, en: r.state };
    states.set(r.state, { stateName: prior?.stateName ?? stateName, count: (prior?.count ?? 0) + r.n });
  }
  const overdueByKey = new Map<string, number>();
  let openTasks = 0;
  let overdueTasks = 0;
  for (const t of taskCounts) {
    const key = defById.get(t.definitionId)?.key ?? t.definitionId;
    openTasks += t.open;
    overdueTasks += Number(t.overdue ?? 0);
    overdueByKey.set(key, (overdueByKey.get(key) ?? 0) + Number(t.overdue ?? 0));
  }
  // 负担码 tasks are inbox tasks too (no instance): they count towards the same totals.
  const burden = await burdenTaskCounts(deps, { ability: input.ability, query: q, now });
  openTasks += burden.open;
  overdueTasks += burden.overdue;
  if (burden.overdue > 0) overdueByKey.set(BURDEN_TASK.key, burden.overdue);
  return {
    byWorkflow: [...workflows].map(([definitionKey, states]) => ({
      definitionKey,
      name: nameOf(definitionKey),
      byState: [...states]
        .map(([state, v]) => ({ state, stateName: v.stateName, count: v.count }))
        .sort((a, b) => b.count - a.count),
    })),
    openTasks,
    overdueTasks,
    overdueByWorkflow: [...overdueByKey]
      .filter(([, n]) => n > 0)
      .map(([definitionKey, n]) => ({ definitionKey, name: nameOf(definitionKey), count: n })),
  };
}

type TInput = { user: TAuthUser; ability: AppAbility; query: TOverviewQuery };

/** Tallies for the reader's organisations, rows for what they read beyond them; rows alone when the rules are not organisations. */
export async function overviewCounts(deps: Deps, input: TInput, now: string): Promise<TOverviewCounts> {
  const scope = await tallyScope(deps, input.user, input.ability, input.query);
  const tallied = scope && (await tallyCounts(deps, scope.orgs, input.query, deps.clock()));
  if (!scope || !tallied) return await countReadable(deps, input, now);
  return scope.beyond ? addCounts(tallied, await countRows(deps, scope.beyond, input.query, now)) : tallied;
}

/** The counts from the rows the reader may read: the instance list's CASL rules in SQL. The reference the tallies are tested against. */
export const countReadable = async (deps: Deps, input: TInput, now: string): Promise<TOverviewCounts> =>
  await countRows(
    deps,
    rulesToWhere(input.ability, 'read', 'Instance', instanceFields(input.user, deps.db)),
    input.query,
    now,
  );

function addCounts(a: TOverviewCounts, b: TOverviewCounts): TOverviewCounts {
  const tasks = new Map(a.taskCounts.map((t) => [t.definitionId, { ...t }]));
  for (const t of b.taskCounts) {
    const into = tasks.get(t.definitionId);
    if (into) {
      into.open += t.open;
      into.overdue += t.overdue;
    } else tasks.set(t.definitionId, { ...t });
  }
  return { byState: [...a.byState, ...b.byState], taskCounts: [...tasks.values()] };
}

async function countRows(deps: Deps, readable: SQL, q: TOverviewQuery, now: string): Promise<TOverviewCounts> {
  const where: SQL[] = [readable];
  if (q.schoolId) where.push(eq(instances.subjectOrgId, q.schoolId));
  if (q.groupId) where.push(eq(instances.subjectGroupId, q.groupId));
  if (q.from) where.push(gte(instances.createdAt, dateBound(q.from, 'start')));
  if (q.to) where.push(lte(instances.createdAt, dateBound(q.to, 'end')));
  const scope = and(...where);
  const byState = await deps.db
    .select({ definitionId: instances.definitionId, state: instances.state, n: count() })
    .from(instances)
    .where(scope)
    .groupBy(instances.definitionId, instances.state);
  const taskCounts = await deps.db
    .select({
      definitionId: instances.definitionId,
      open: count(),
      overdue: sql<number>`sum(case when ${tasks.dueAt} < ${now} then 1 else 0 end)`,
    })
    .from(tasks)
    .innerJoin(instances, eq(instances.id, tasks.instanceId))
    .where(and(eq(tasks.status, 'open'), scope))
    .groupBy(instances.definitionId);
  return { byState, taskCounts: taskCounts.map((t) => ({ ...t, overdue: Number(t.overdue ?? 0) })) };
}
