import { and, eq } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import {
  organisations,
  type TDefinitionRow,
  type TInstanceRow,
  type TOrganisationRow,
  users,
} from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  actionBlocks,
  availableEvents,
  describeSnapshot,
  fieldAccess,
  formOf,
  outgoing,
  type Subject,
  type TDefinition,
} from '../../engine.js';
import { orgPath } from '../orgs/org-path.js';
import { declaredBlocksView } from '../workflow-rules/block-summary.js';
import { partPrefill } from '../workflow-rules/indicator-rows.js';
import { openTasksOf } from './apply-effects.js';
import { type Veil, veilFor } from './blind-review.js';
import { buildEnv, engineActor, engineRun } from './engine-env.js';
import type { TEventResult, TInstanceView } from './instances.types.js';
import { noticePeriod } from './notice-period.js';

/** The engine's view of the instance's subject: [district, group?, school], the type, and a group's member schools. */
export async function subjectOf(
  deps: Deps,
  def: TDefinition,
  chain: TOrganisationRow[],
  orgId: string,
): Promise<Subject> {
  const path = chain.filter((o) => o.type !== 'department').map((o) => o.id);
  if (def.subject !== 'group') return { orgId, path, type: def.subject };
  const members = (
    await deps.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.parentId, orgId), eq(organisations.type, 'school')))
      .orderBy(organisations.id)
  ).map((o) => o.id);
  return { orgId, path, type: def.subject, members };
}

const stateName = (def: TDefinition, state: string) => def.states[state]?.name ?? { 'zh-CN': state, en: state };

async function eventsFor(deps: Deps, def: TDefinition, row: TInstanceRow, chain: TOrganisationRow[], user: TAuthUser) {
  if (row.status === 'completed') return [];
  const actor = engineActor(user);
  const env = await buildEnv(deps, def, await subjectOf(deps, def, chain, row.subjectOrgId), actor, row.data, row.id);
  return (await engineRun(env, () => availableEvents(def, row.snapshot, actor, env))).map((e) => {
    const blocks = e.mechanic ? [] : actionBlocks(def, row.state, e.type).map((u) => u.name);
    return blocks.length ? { ...e, blocks } : e;
  });
}

/** Why the instance rests where an automatic step sent it, when its rules refused (null otherwise). */
export function refusalOf(def: TDefinition, row: TInstanceRow): TInstanceView['refusal'] {
  const decisions = Object.values(describeSnapshot(def, row.snapshot).decisions);
  const d = decisions.find((x) => x.to === row.state && x.reasons.length > 0);
  return d ? { state: d.state, stateName: stateName(def, d.state), reasons: d.reasons } : null;
}

/** The short answer to an event: where the instance is now and what this user may do next. */
export async function eventResult(
  deps: Deps,
  def: TDefinition,
  row: TInstanceRow,
  user: TAuthUser,
): Promise<TEventResult> {
  const chain = await orgPath(deps, row.subjectOrgId);
  return {
    id: row.id,
    state: row.state,
    stateName: stateName(def, row.state),
    status: row.status,
    outcome: row.outcome,
    version: row.version,
    availableEvents: await eventsFor(deps, def, row, chain, user),
    refusal: refusalOf(def, row),
  };
}

/** Everything the detail page draws: data (minus fields hidden at this step), actions, form, trace. */
export async function instanceView(
  deps: Deps,
  def: TDefinition,
  defRow: TDefinitionRow,
  row: TInstanceRow,
  user: TAuthUser,
  known?: Veil,
): Promise<TInstanceView> {
  const veil = known ?? (await veilFor(deps, { def, row, user }));
  const chain = await orgPath(deps, row.subjectOrgId);
  const described = describeSnapshot(def, row.snapshot);
  const visited = new Set(described.visited);
  const access = fieldAccess(def, row.state);
  // Hidden fields of this step, and the fields naming reviewers the viewer may not know (blind-review.ts), stay on the server.
  const data = Object.fromEntries(
    Object.entries(row.data).filter(([k]) => access[k] !== 'hidden' && !veil.fields.has(k)),
  );
  const current = def.states[row.state];
  const ownFields = formOf(def, row.state).fields;
  const creator = (
    await deps.db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, row.createdBy))
      .limit(1)
  )[0];
  const subjectOrg = chain[chain.length - 1];
  const requesterId = row.requesterOrgId ?? row.subjectOrgId;
  const requester =
    requesterId === subjectOrg?.id
      ? subjectOrg
      : (
          await deps.db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(eq(organisations.id, requesterId))
            .limit(1)
        )[0];
  return {
    id: row.id,
    definition: {
      id: defRow.id,
      key: defRow.key,
      version: defRow.version,
      name: def.name,
      blocks: declaredBlocksView(def),
    },
    title: row.title ?? def.name,
    requester: { orgId: requesterId, name: requester?.name ?? '' },
    subject: {
      orgId: row.subjectOrgId,
      name: subjectOrg?.name ?? '',
      path: chain.map((o) => ({ id: o.id, name: o.name, type: o.type })),
    },
    state: row.state,
    stateName: stateName(def, row.state),
    stateKind: current?.kind ?? 'final',
    status: row.status,
    outcome: row.outcome,
    data,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: creator ?? { id: row.createdBy, displayName: row.createdBy === 'system' ? '系统' : '' },
    availableEvents: await eventsFor(deps, def, row, chain, user),
    form: ownFields.length || Object.keys(access).length ? { fields: ownFields, access } : null,
    states: Object.entries(def.states).map(([id, s]) => ({
      id,
      name: s.name,
      kind: s.kind,
      visited: visited.has(id),
      current: id === row.state,
    })),
    transitions: Object.entries(def.states).flatMap(([from, s]) =>
      outgoing(s).map((t) => ({ from, to: t.to, event: t.event })),
    ),
    openTasks: await openTasksOf(deps, row.id),
    notice: await noticePeriod(deps, def, row),
    partPrefill: row.status === 'running' ? await partPrefill(deps, def, row) : null,
    refusal: refusalOf(def, row),
  };
}
