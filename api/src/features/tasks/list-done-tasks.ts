import { and, eq, isNotNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import type { TAuthUser } from '../../auth/user.js';
import { instances, organisations, tasks } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { eventLabel, type TDefinition } from '../../engine.js';
import { resolveSort, sortedPage, type SortSpec } from '../../lib/sorted-keyset.js';
import { definitionsById, stateName } from '../definitions/definitions-by-id.js';
import { instanceFields } from '../instances/instance-subject.js';
import { ownParts, partFigures } from '../instances/own-parts.js';
import type { TDoneTask, TDoneTaskQuery } from './tasks.types.js';

const requester = alias(organisations, 'requester');
const DONE_SORT: SortSpec<'closedAt'> = {
  fields: { closedAt: { column: tasks.closedAt } },
  id: tasks.id,
  defaultSort: 'closedAt',
  defaultOrder: 'desc',
};

/** The label of what closed a task: the step's part button, the action's own label, else the engine's word. */
function actionLabel(def: TDefinition | undefined, state: string, outcome: string | null) {
  const s = def?.states[state];
  if (outcome === 'SUBMIT_PART' && s?.kind === 'collect' && s.partLabel) return s.partLabel;
  const declared = s && 'on' in s ? s.on[outcome ?? '']?.label : undefined;
  return eventLabel(outcome ?? '', declared);
}

/**
 * 已办: the workflow tasks this user closed, newest first, on the instances they may still read (someone taken
 * off an assignment loses it). Walks the user's own closed tasks on (closed_by, closed_at, id); a part they
 * gave at a collect step shows its figures (an expert's scores) — their own part only, so blind stays blind.
 */
export async function listDoneTasks(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; query: TDoneTaskQuery },
): Promise<{ items: TDoneTask[]; nextCursor: string | null }> {
  const where: SQL[] = [
    eq(tasks.closedBy, input.user.id),
    isNotNull(tasks.closedBy),
    rulesToWhere(input.ability, 'read', 'Instance', instanceFields(input.user, deps.db)),
  ];
  const plan = resolveSort(DONE_SORT, input.query);
  const read = async (after: SQL | undefined, orderBy: SQL[], limit: number) =>
    await deps.db
      .select({
        id: tasks.id,
        instanceId: instances.id,
        state: tasks.state,
        outcome: tasks.outcome,
        closedAt: tasks.closedAt,
        definitionId: instances.definitionId,
        snapshot: instances.snapshot,
        title: instances.title,
        subjectName: organisations.name,
        requesterName: requester.name,
      })
      .from(tasks)
      .innerJoin(instances, eq(instances.id, tasks.instanceId))
      .innerJoin(organisations, eq(organisations.id, instances.subjectOrgId))
      .leftJoin(requester, eq(requester.id, instances.requesterOrgId))
      .where(and(...where, after))
      .orderBy(...orderBy)
      .limit(limit);
  const page = await sortedPage(
    plan,
    input.query.limit,
    read,
    (r) => r.closedAt ?? '',
    (r) => r.id,
  );
  const defs = await definitionsById(
    deps,
    page.items.map((r) => r.definitionId),
  );
  return {
    items: page.items.map((r) => {
      const ref = defs.get(r.definitionId);
      const part = ref ? ownParts(ref.def, r, input.user.id).find((p) => p.step === r.state) : undefined;
      return {
        id: r.id,
        instanceId: r.instanceId,
        definitionName: ref?.name ?? { 'zh-CN': '', en: '' },
        title: r.title ?? ref?.name ?? { 'zh-CN': '', en: '' },
        state: r.state,
        stateName: stateName(ref, r.state),
        subjectName: r.subjectName,
        requesterName: r.requesterName ?? r.subjectName,
        action: actionLabel(ref?.def, r.state, r.outcome),
        closedAt: r.closedAt ?? '',
        figures: ref && part && r.outcome === 'SUBMIT_PART' ? partFigures(ref.def, part) : [],
      };
    }),
    nextCursor: page.nextCursor,
  };
}
