import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { auditEvents, instances, organisations } from '../../db/schema.js';
import { jsonPart } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import { rank } from '../../engine.js';
import { familyField, familyOf, periodOrField } from '../workflow-rules/families.js';
import { createdWithin } from './report-filters.js';
import { periodsOf } from './report-periods.js';
import { readableOf } from './report-scope.js';
import type { TAssessmentReport, TCycleQuery } from './reports.types.js';

type Weakest = { schoolId: string; schoolName: string; score: number } | null;
const ZRollUpMeta = z.object({
  rollUp: z.object({
    dimensions: z.array(z.object({ weakest: z.object({ schoolId: z.string(), score: z.number() }) })),
  }),
});

/**
 * The weakest member of each instance's latest roll-up (recorded in the PUBLISH event's audit meta): its
 * lowest dimension. One read of the cycle's roll-up events and one of the schools' names, not two per group.
 */
async function weakestOf(deps: Deps, instanceIds: string[]): Promise<Map<string, Weakest>> {
  const latest = new Map<string, { seq: number; meta: unknown }>();
  if (instanceIds.length === 0) return new Map();
  const events = await deps.db
    .select({ seq: auditEvents.seq, entityId: auditEvents.entityId, meta: auditEvents.meta })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'Instance'),
        inArray(auditEvents.entityId, instanceIds),
        sql`${jsonPart(deps.db, auditEvents.meta, ['rollUp'])} is not null`,
      ),
    );
  // The latest per instance, picked here: the events come off (entity_type, entity_id, seq) unsorted across instances.
  for (const e of events) if (e.entityId && (latest.get(e.entityId)?.seq ?? -1) < e.seq) latest.set(e.entityId, e);
  const lowest = new Map<string, { schoolId: string; score: number }>();
  for (const [id, { meta }] of latest) {
    const parsed = ZRollUpMeta.safeParse(meta);
    const w = (parsed.success ? parsed.data.rollUp.dimensions : [])
      .map((d) => d.weakest)
      .sort((a, b) => a.score - b.score)[0];
    if (w) lowest.set(id, w);
  }
  const schoolIds = [...new Set([...lowest.values()].map((w) => w.schoolId))];
  const names = new Map(
    schoolIds.length
      ? (
          await deps.db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, schoolIds))
        ).map((o) => [o.id, o.name])
      : [],
  );
  return new Map(
    [...lowest].map(([id, w]) => [
      id,
      { schoolId: w.schoolId, schoolName: names.get(w.schoolId) ?? w.schoolId, score: w.score },
    ]),
  );
}

/**
 * One row per group of the cycle (≤ 17 in a district): score and grade from the instance data, ranked across
 * groups. The cycle asked for, else the latest (`cycles`, newest first, from period_tallies); read off
 * (definition_id, period), so a cycle costs its groups, never the cycles before it (issue 11).
 */
export async function assessmentReport(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility } & TCycleQuery,
): Promise<TAssessmentReport> {
  // Every workflow that rolls a group up, under the field names its block gives.
  const family = await familyOf(deps, 'groupRollUp');
  const cycleOf = periodOrField(family, (u) => u.params.cycleField);
  const cycles = await periodsOf(deps, family);
  const cycle = input.cycle ?? cycles[0] ?? null;
  const rows = (
    await deps.db
      .select({
        instanceId: instances.id,
        groupId: instances.subjectOrgId,
        groupName: organisations.name,
        state: instances.state,
        score: sql<number | null>`${familyField(family, (u) => u.params.scoreField, { as: 'number' })}`,
        grade: sql<string | null>`${familyField(family, (u) => u.params.gradeField)}`,
      })
      .from(instances)
      .innerJoin(organisations, eq(organisations.id, instances.subjectOrgId))
      .where(
        and(
          readableOf({ db: deps.db, ...input, family }),
          cycle === null ? undefined : sql`${cycleOf} = ${cycle}`,
          // The subject is the group (subject_group_id = the group itself). A school filter means the group
          // the school belongs to: the school's figures exist only as a part of its group's assessment, and a
          // ranking row of one group is what a "how is this school's group doing" filter should show.
          input.groupId ? eq(instances.subjectGroupId, input.groupId) : undefined,
          input.schoolId
            ? sql`${instances.subjectGroupId} = (select ${organisations.parentId} from ${organisations} where ${organisations.id} = ${input.schoolId} and ${organisations.type} = 'school')`
            : undefined,
          ...createdWithin(input),
        ),
      )
      .limit(500)
  )
    // Sorted here, not by SQL: the cycle's few rows come off the period index and need no temporary b-tree.
    .sort((a, b) => (a.groupName < b.groupName ? -1 : a.groupName > b.groupName ? 1 : 0));
  const scored = rank(rows.filter((r) => r.score !== null).map((r) => ({ ...r, score: Number(r.score) })));
  const unscored = rows.filter((r) => r.score === null).map((r) => ({ ...r, rank: null }));
  const weakest = await weakestOf(
    deps,
    scored.map((r) => r.instanceId),
  );
  const byState = new Map<string, number>();
  for (const r of rows) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
  return {
    cycle,
    cycles,
    byState: [...byState].map(([state, count]) => ({ state, count })),
    ranking: [...scored, ...unscored].map((r) => ({
      instanceId: r.instanceId,
      groupId: r.groupId,
      groupName: r.groupName,
      state: r.state,
      score: r.score,
      grade: r.grade,
      rank: r.rank,
      weakest: r.score === null ? null : (weakest.get(r.instanceId) ?? null),
    })),
  };
}
