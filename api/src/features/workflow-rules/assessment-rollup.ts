import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';

import { organisations, roleGrants } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { type BlockParams, describeSnapshot, type MemberScores, rollUpGroup, type TDefinition } from '../../engine.js';
import { loadPublished } from '../reference/load-reference.js';

const ZScoreRows = z.array(z.object({ indicator: z.string(), score: z.coerce.number().catch(0) }));

/**
 * The group's score and grade from the member schools' collected self-assessments (the collect step and
 * table the block names), with the roll-up rule of the published indicator system the instance names
 * (or the newest one). Null when none is published or no part was submitted.
 */
export async function groupRollUp(
  deps: Pick<Deps, 'db'>,
  input: {
    def: TDefinition;
    snapshot: Record<string, unknown>;
    data: Record<string, unknown>;
    groupId: string;
    params: BlockParams<'groupRollUp'>;
  },
) {
  const { params } = input;
  const key =
    typeof input.data[params.systemField] === 'string' ? (input.data[params.systemField] as string) : undefined;
  const system =
    (key && (await loadPublished(deps, 'indicator-system', key))) || (await loadPublished(deps, 'indicator-system'));
  if (!system) return null;
  const parts = describeSnapshot(input.def, input.snapshot).collections[params.from]?.parts ?? {};
  const userIds = Object.keys(parts).filter((u) => parts[u]?.status === 'submitted');
  if (userIds.length === 0) return null;
  // A part belongs to the member school where its author is principal.
  const schools = await deps.db
    .select({ userId: roleGrants.userId, schoolId: roleGrants.orgId })
    .from(roleGrants)
    .innerJoin(organisations, eq(organisations.id, roleGrants.orgId))
    .where(
      and(
        eq(roleGrants.role, 'principal'),
        eq(organisations.parentId, input.groupId),
        inArray(roleGrants.userId, userIds),
      ),
    );
  const schoolOf = new Map(schools.map((s) => [s.userId, s.schoolId]));
  const members: MemberScores[] = userIds.map((u) => {
    const rows = ZScoreRows.catch([]).parse(parts[u]?.data[params.tableField]);
    return { schoolId: schoolOf.get(u) ?? u, scores: Object.fromEntries(rows.map((r) => [r.indicator, r.score])) };
  });
  return { system: system.row, result: rollUpGroup(system.content, members) };
}
