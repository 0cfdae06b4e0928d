import { appendAudit } from '../../audit/append.js';
import { defineAbilityFor } from '../../auth/ability.js';
import { isSystem, type TAuthUser } from '../../auth/user.js';
import { changesOf, txOrThrow } from '../../db/client.js';
import type { TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { describeSnapshot, type EngineEvent, periodOf, step, type TDefinition, titleOf } from '../../engine.js';
import { AppError } from '../../errors.js';
import { rememberResponse, replayOf, type TIdempotency } from '../../lib/idempotency.js';
import { loadDefinition } from '../definitions/load-definition.js';
import { orgPath } from '../orgs/org-path.js';
import { prepareEvent } from '../workflow-rules/prepare-event.js';
import { recordEvent } from '../workflow-rules/record-event.js';
import { applyEffects } from './apply-effects.js';
import { badTransitionAssignment } from './assignment-check.js';
import { refusalsMeta } from './decided-reasons.js';
import { delegatedFor } from './delegated-for.js';
import { buildEnv, engineActor, engineRun } from './engine-env.js';
import { instanceRow, writeStep } from './instance-rows.js';
import { addParticipants, dropUnassigned, instanceSubject, leaversOf } from './instance-subject.js';
import { eventResult, subjectOf } from './instance-view.js';
import { type TEventResult, ZEventResult } from './instances.types.js';
import { badMechanicTargets } from './mechanic-targets.js';
import { deniedEvent, refusalError } from './refusal.js';
import { timerMeta } from './timer-meta.js';

export type TFireEventInput = {
  actor: TAuthUser;
  instanceId: string;
  event: EngineEvent;
  /** The version the caller saw; null only for the scheduler, which always acts on the latest. */
  expectedVersion: number | null;
  idempotency?: TIdempotency;
  /**
   * In-process callers only (never a request body): the definition the event is decided against, e.g.
   * the campus-entry merge widens hidden fields that the generic route must not write.
   */
  definitionFor?: (def: TDefinition) => TDefinition;
  /** In-process callers only: why this event was fired on someone's behalf (the merge's `via: 'merge'`), kept in the audit meta. */
  via?: string;
  /** The scheduler only: when the timer was due, so the history can say which deadline passed. */
  timerDueAt?: string;
};

/**
 * Moves an instance by one event, inside the caller's transaction. Returns the error instead of
 * throwing so that the refusal's audit event commits with it. Used by fireEvent and by the scheduler.
 */
export async function applyEvent(deps: Deps, input: TFireEventInput): Promise<TEventResult | AppError> {
  const { actor, instanceId } = input;
  const replay = await replayOf(deps, input.idempotency, ZEventResult);
  if (replay) return replay instanceof AppError ? replay : replay.body;
  const meta: Record<string, unknown> = { type: input.event.type, comment: input.event.comment ?? null };
  if (input.via) meta.via = input.via;
  if (input.event.type === 'REASSIGN')
    meta.reassign = { from: input.event.data?.from ?? null, to: input.event.data?.to ?? null };
  const deny = (error: AppError, before?: unknown) =>
    deniedEvent(deps, { actor, action: 'instance.event', instanceId, error, before, meta });

  const row = await instanceRow(deps.db, instanceId);
  if (!row) return await deny(new AppError('NOT_FOUND'));
  if (!isSystem(actor)) {
    const ability = defineAbilityFor(actor);
    const target = await instanceSubject(deps, row, actor);
    // Rows the caller may not read answer 404, so ids of other schools' instances cannot be probed.
    if (!ability.can('read', target)) return await deny(new AppError('NOT_FOUND'));
    // Handing a departing person's work on (REASSIGN) changes who acts, not what is decided: 'update'.
    if (!ability.can(input.event.type === 'REASSIGN' ? 'update' : 'act', target))
      return await deny(new AppError('FORBIDDEN'));
  }
  const before = { state: row.state, version: row.version };
  if (input.expectedVersion !== null && input.expectedVersion !== row.version) {
    return await deny(new AppError('VERSION_CONFLICT'), before);
  }
  const loaded = await loadDefinition(deps, row.definitionId);
  if (!loaded) return await deny(new AppError('INTERNAL'), before);
  const def = input.definitionFor ? input.definitionFor(loaded.def) : loaded.def;
  const badTargets = await badMechanicTargets(deps, def, input.event, row);
  if (badTargets) return await deny(badTargets, before);
  // The action's blocks fill what they compute (experts, scores, roll-up) or refuse, before the engine decides.
  const prepared = await prepareEvent(deps, def, row, input.event, actor.id);
  if (prepared instanceof AppError) return await deny(prepared, before);
  const event = prepared.event;
  const badAssign = await badTransitionAssignment(deps, def, row.state, event.type, event.data ?? {});
  if (badAssign) return await deny(badAssign, before);
  const subject = await subjectOf(deps, def, await orgPath(deps, row.subjectOrgId), row.subjectOrgId);
  const engActor = engineActor(actor);
  const env = await buildEnv(deps, def, subject, engActor, { ...row.data, ...event.data }, row.id);
  const result = await engineRun(env, () => step(def, row.snapshot, event, engActor, env));
  if (!result.ok) return await deny(refusalError(result), before);
  // A returned part names whose it was (the school), so the trail says who was sent back.
  if (event.type === 'RETURN_PART') {
    const userId = String(event.data?.userId ?? '');
    meta.part = { userId, name: await engineRun(env, () => env.partyNames?.[userId] ?? null) };
  }
  const onBehalfOf = await engineRun(env, () => delegatedFor(def, row.snapshot, event, actor, env));
  if (onBehalfOf.length) meta.onBehalfOf = onBehalfOf;

  const described = describeSnapshot(def, result.snapshot);
  const next: TInstanceRow = {
    ...row,
    snapshot: result.snapshot,
    data: described.data,
    state: result.state,
    status: result.status,
    outcome: result.outcome,
    version: row.version + 1,
    updatedAt: deps.clock().toISOString(),
  };
  // A revised request's new activity title renames it everywhere it is listed.
  const updated = await writeStep(deps.db, row.id, row.version, {
    ...next,
    period: periodOf(def, next.data),
    title: titleOf(def, next.data),
  });
  // SQLite's single writer never gets here. On PostgreSQL this is how the loser of a race learns it lost:
  // the row lock makes it wait for the winner's commit, and then the version no longer matches (ADR 0028).
  if (changesOf(updated) !== 1) return await deny(new AppError('VERSION_CONFLICT'), before);

  const { named, readers } = await applyEffects(deps, row.id, result.effects);
  const participants = await addParticipants(deps, row.id, [
    ...Object.entries(described.assignments).flatMap(([role, ids]) => (ids ?? []).map((userId) => ({ userId, role }))),
    ...named.map((userId) => ({ userId, role: 'candidate' })),
    ...readers.map((userId) => ({ userId, role: 'reader' })),
  ]);
  await dropUnassigned(
    deps,
    row.id,
    described.assignments,
    leaversOf(describeSnapshot(def, row.snapshot), described, event),
    participants,
  );
  Object.assign(
    meta,
    prepared.note,
    await recordEvent(deps, def, next, result.effects, event),
    refusalsMeta(result.effects),
  );
  if (event.type === 'TIMER') meta.timer = timerMeta(event, input.timerDueAt, result.effects);
  await appendAudit(deps.db, {
    at: next.updatedAt,
    actor,
    action: 'instance.event',
    entityType: 'Instance',
    entityId: row.id,
    outcome: 'success',
    before,
    after: { state: next.state, version: next.version },
    meta,
  });
  const body = await eventResult(deps, def, next, actor);
  await rememberResponse(deps, input.idempotency, 200, body);
  return body;
}

/** One event in one BEGIN IMMEDIATE transaction; refusals are audited, then thrown. */
export async function fireEvent(deps: Deps, input: TFireEventInput): Promise<TEventResult> {
  return await txOrThrow(deps.db, () => applyEvent(deps, input));
}
