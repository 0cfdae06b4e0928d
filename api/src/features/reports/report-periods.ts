import { and, gt, inArray } from 'drizzle-orm';

import { periodTallies } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

/**
 * The reporting periods (rounds, cycles) the family's instances are in, newest first: the one whose latest
 * instance was created last leads. Read off period_tallies, kept by triggers: one row per version and
 * period, never the instances themselves, so the choice costs the same after ten years as after one.
 */
export async function periodsOf(deps: Pick<Deps, 'db'>, family: Array<{ id: string }>): Promise<string[]> {
  if (family.length === 0) return [];
  const latest = new Map<string, string>();
  const rows = await deps.db
    .select({ period: periodTallies.period, last: periodTallies.lastCreatedAt })
    .from(periodTallies)
    .where(
      and(
        inArray(
          periodTallies.definitionId,
          family.map((m) => m.id),
        ),
        gt(periodTallies.n, 0),
      ),
    );
  for (const r of rows) if ((latest.get(r.period) ?? '') < r.last) latest.set(r.period, r.last);
  return [...latest]
    .sort((a, b) => (a[1] === b[1] ? b[0].localeCompare(a[0]) : b[1].localeCompare(a[1])))
    .map(([period]) => period);
}
