import { and, count, eq, gte, inArray, lt, lte, or, type SQL } from 'drizzle-orm';

import { instances, instanceTallies, openTaskTallies, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { dateBound } from '../../lib/date-bound.js';
import type { TOverviewQuery } from './overview.types.js';
import { periodsBefore, periodsCovering, type TGrain, type TPeriodKey } from './tally-periods.js';

export type TOverviewCounts = {
  byState: Array<{ definitionId: string; state: string; n: number }>;
  taskCounts: Array<{ definitionId: string; open: number; overdue: number }>;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The overview's counts for the instances of these organisations, read from the tallies the triggers keep
 * (ADR 0016): a few dozen rows whatever the district's size. Null when a filter is an instant rather than
 * a day (tallies are kept by UTC day): the caller counts rows instead.
 */
export async function tallyCounts(
  deps: Pick<Deps, 'db'>,
  orgs: string[],
  query: TOverviewQuery,
  now: Date,
): Promise<TOverviewCounts | null> {
  if ((query.from && !DAY.test(query.from)) || (query.to && !DAY.test(query.to))) return null;
  if (orgs.length === 0) return { byState: [], taskCounts: [] };
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  const keys: TPeriodKey[] =
    query.from || query.to ? periodsCovering(query.from, query.to ?? today) : [{ grain: 'all', period: '' }];

  const byState: TOverviewCounts['byState'] = [];
  for (const [grain, periods] of groupByGrain(keys)) {
    const rows = await deps.db
      .select({ definitionId: instanceTallies.definitionId, state: instanceTallies.state, n: instanceTallies.n })
      .from(instanceTallies)
      .where(
        and(
          inArray(instanceTallies.orgId, orgs),
          eq(instanceTallies.grain, grain),
          inArray(instanceTallies.period, periods),
        ),
      );
    byState.push(...rows.filter((r) => r.n !== 0));
  }

  const open = new Map<string, number>();
  const overdue = new Map<string, number>();
  const add = (into: Map<string, number>, definitionId: string, n: number) =>
    into.set(definitionId, (into.get(definitionId) ?? 0) + n);
  for (const [createdGrain, createdPeriods] of groupByGrain(keys)) {
    const tally = async (dueGrain: TGrain, due: SQL) =>
      await deps.db
        .select({ definitionId: openTaskTallies.definitionId, n: openTaskTallies.n })
        .from(openTaskTallies)
        .where(
          and(
            inArray(openTaskTallies.orgId, orgs),
            eq(openTaskTallies.createdGrain, createdGrain),
            inArray(openTaskTallies.createdPeriod, createdPeriods),
            eq(openTaskTallies.dueGrain, dueGrain),
            due,
          ),
        );
    for (const r of await tally('all', eq(openTaskTallies.duePeriod, ''))) add(open, r.definitionId, r.n);
    // Overdue: deadlines in the years, months and days wholly before today, then today's up to now.
    for (const p of periodsBefore(today)) {
      for (const r of await tally(
        p.grain,
        and(gte(openTaskTallies.duePeriod, p.from), lt(openTaskTallies.duePeriod, p.to)) as SQL,
      ))
        add(overdue, r.definitionId, r.n);
    }
  }
  for (const r of await dueEarlierToday(deps, orgs, query, `${today}T00:00:00.000Z`, nowIso))
    add(overdue, r.definitionId, r.n);
  const taskCounts = [...open].map(([definitionId, n]) => ({
    definitionId,
    open: n,
    overdue: overdue.get(definitionId) ?? 0,
  }));
  return { byState, taskCounts };
}

function groupByGrain(keys: TPeriodKey[]): Map<TGrain, string[]> {
  const out = new Map<TGrain, string[]>();
  for (const k of keys) out.set(k.grain, [...(out.get(k.grain) ?? []), k.period]);
  return out;
}

/** Open tasks of these organisations' instances that fell due since midnight: one day's deadlines, read off tasks_open_due_idx. */
async function dueEarlierToday(
  deps: Pick<Deps, 'db'>,
  orgs: string[],
  query: TOverviewQuery,
  midnight: string,
  now: string,
) {
  return await deps.db
    .select({ definitionId: instances.definitionId, n: count() })
    .from(tasks)
    .innerJoin(instances, eq(instances.id, tasks.instanceId))
    .where(
      and(
        eq(tasks.status, 'open'),
        gte(tasks.dueAt, midnight),
        lt(tasks.dueAt, now),
        or(
          inArray(instances.subjectOrgId, orgs),
          inArray(instances.subjectGroupId, orgs),
          inArray(instances.districtId, orgs),
        ),
        query.from ? gte(instances.createdAt, dateBound(query.from, 'start')) : undefined,
        query.to ? lte(instances.createdAt, dateBound(query.to, 'end')) : undefined,
      ),
    )
    .groupBy(instances.definitionId);
}
