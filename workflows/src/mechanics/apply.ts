import type { EngineContext, MachineEvent } from '../context.js';
import type { TDefinition, TLocalizedText } from '../definition/schema.js';
import { stateCandidates, taskKey } from '../effects.js';
import type { Actor, Effect, TaskCandidate } from '../engine-types.js';
import { t } from '../text.js';
import { type MechanicEvent, returnTargets } from './who-may.js';

type Incoming = Pick<MachineEvent, 'type' | 'data' | 'comment'>;

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const strs = (v: unknown) =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x) ? (v as string[]) : null;

/** What is wrong with a mechanic's input, per field; null when it is complete. */
export function mechanicInputErrors(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  event: Incoming,
  actor: Actor,
): Record<string, TLocalizedText> | null {
  const type = event.type as MechanicEvent;
  const d = event.data ?? {};
  const state = def.states[stateId];
  const pick = t('请选择办理人', 'Choose a person');
  if (type === 'TRANSFER' || type === 'DELEGATE' || type === 'ADD_SIGNER') {
    const to = str(d.to);
    if (!to) return { to: pick };
    if (to === actor.userId) return { to: t('不能选择自己', 'You cannot choose yourself') };
    const round = state.kind === 'review' ? ctx.reviews[stateId] : null;
    if (round?.assignees.includes(to))
      return { to: t('此人已是本环节审核人', 'This person already reviews this step') };
    if (type === 'ADD_SIGNER') {
      const position = d.position;
      const allowed = state.kind === 'review' ? ['parallel'] : ['before', 'after'];
      if (typeof position !== 'string' || !allowed.includes(position))
        return {
          position:
            state.kind === 'review'
              ? t('会签环节只能并行加签', 'A review step can only add a parallel signer')
              : t('请选择前加签或后加签', 'Choose before or after'),
        };
      if (ctx.afterSigners[stateId]?.signers.includes(to))
        return { to: t('此人已是加签人', 'This person already signs here') };
    }
  }
  if (type === 'COPY_TO' && !strs(d.to)) return { to: t('请选择抄送人', 'Choose the people to copy to') };
  if (type === 'RETURN_TO' && !returnTargets(def, ctx, stateId).includes(String(d.to)))
    return { to: t('请选择一个已经过的环节', 'Choose a step this instance has been through') };
  return null;
}

/** Comments that mechanics demand: returning and declining must say why. */
export const mechanicNeedsComment = (type: string) => type === 'RETURN_TO' || type === 'DECLINE_SIGN';

/** The people a task state waits on now, taking transfers, delegation and signers into account. */
function currentCandidates(def: TDefinition, ctx: EngineContext, stateId: string): TaskCandidate[] {
  const after = ctx.afterSigners[stateId];
  if (after?.pending) return after.signers.filter((s) => !after.signed.includes(s)).map((userId) => ({ userId }));
  const holder = ctx.holders[stateId];
  return holder ? [{ userId: holder.userId }] : stateCandidates(def, ctx, stateId);
}

export type MechanicOutcome = { patch: Partial<EngineContext>; effects: Effect[] };

/** What a mechanic changes in the context, and what it asks the outside world to do. Pure. */
export function applyMechanic(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  event: Incoming,
  actor: Actor,
): MechanicOutcome {
  const d = event.data ?? {};
  const visit = ctx.visits[stateId];
  const main = taskKey(stateId, visit);
  const state = def.states[stateId];
  const to = str(d.to) ?? '';
  const holders = { ...ctx.holders };
  const after = ctx.afterSigners[stateId] ?? { signers: [], signed: [] };
  const reassign = (c: EngineContext, reason: Extract<Effect, { type: 'reassignTask' }>['reason']): Effect => ({
    type: 'reassignTask',
    taskKey: main,
    candidates: currentCandidates(def, c, stateId),
    reason,
  });
  const next = (patch: Partial<EngineContext>) => ({ ...ctx, ...patch });

  switch (event.type as MechanicEvent) {
    case 'TRANSFER': {
      if (state.kind === 'review') {
        const round = ctx.reviews[stateId];
        const reviews = {
          ...ctx.reviews,
          [stateId]: { ...round, assignees: round.assignees.map((u) => (u === actor.userId ? to : u)) },
        };
        return {
          patch: { reviews },
          effects: [
            {
              type: 'closeTask',
              taskKey: taskKey(stateId, visit, actor.userId),
              outcome: 'TRANSFER',
              byUserId: actor.userId,
            },
            {
              type: 'openTask',
              taskKey: taskKey(stateId, visit, to),
              state: stateId,
              candidates: [{ userId: to }],
              dueAt: round.dueAt,
              purpose: 'review',
            },
          ],
        };
      }
      holders[stateId] = { userId: to, mode: 'transfer', from: actor.userId, prev: holders[stateId] };
      return { patch: { holders }, effects: [reassign(next({ holders }), 'transfer')] };
    }
    case 'DELEGATE':
      holders[stateId] = { userId: to, mode: 'delegate', from: actor.userId, prev: holders[stateId] };
      return { patch: { holders }, effects: [reassign(next({ holders }), 'delegate')] };
    case 'ADD_SIGNER': {
      if (state.kind === 'review') {
        const round = ctx.reviews[stateId];
        const reviews = { ...ctx.reviews, [stateId]: { ...round, assignees: [...round.assignees, to] } };
        return {
          patch: { reviews },
          effects: [
            {
              type: 'openTask',
              taskKey: taskKey(stateId, visit, to),
              state: stateId,
              candidates: [{ userId: to }],
              dueAt: round.dueAt,
              purpose: 'review',
            },
          ],
        };
      }
      if (d.position === 'before') {
        holders[stateId] = { userId: to, mode: 'signBefore', from: actor.userId, prev: holders[stateId] };
        return { patch: { holders }, effects: [reassign(next({ holders }), 'signBefore')] };
      }
      const afterSigners = { ...ctx.afterSigners, [stateId]: { ...after, signers: [...after.signers, to] } };
      return {
        patch: { afterSigners },
        effects: [{ type: 'notify', kind: 'sign', state: stateId, to: [{ userId: to }] }],
      };
    }
    case 'RESOLVE': {
      const holder = ctx.holders[stateId]!;
      if (holder.prev) holders[stateId] = holder.prev;
      else delete holders[stateId];
      const data = { ...ctx.data, ...d };
      return { patch: { holders, data }, effects: [reassign(next({ holders }), 'resolved')] };
    }
    case 'SIGN': {
      const afterSigners = { ...ctx.afterSigners, [stateId]: { ...after, signed: [...after.signed, actor.userId] } };
      return { patch: { afterSigners }, effects: [reassign(next({ afterSigners }), 'signAfter')] };
    }
    case 'DECLINE_SIGN': {
      const afterSigners = { ...ctx.afterSigners, [stateId]: { signers: after.signers, signed: [] } };
      return { patch: { afterSigners }, effects: [reassign(next({ afterSigners }), 'resolved')] };
    }
    case 'COPY_TO': {
      const userIds = strs(d.to) ?? [];
      return {
        patch: { readers: [...new Set([...ctx.readers, ...userIds])] },
        effects: [
          { type: 'addReaders', userIds },
          { type: 'notify', kind: 'copy', state: stateId, to: userIds.map((userId) => ({ userId })) },
        ],
      };
    }
    case 'CHASE':
      return {
        patch: {},
        effects: [{ type: 'notify', kind: 'chase', state: stateId, to: currentCandidates(def, ctx, stateId) }],
      };
    case 'SAVE':
      return { patch: { data: { ...ctx.data, ...d } }, effects: [] };
    case 'RETURN_TO':
      return { patch: {}, effects: [] };
  }
}

/** The handler moved while signers were added after them: hold the move until they all sign. */
export function holdForSigners(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  event: Incoming,
  actor: Actor,
): MechanicOutcome {
  const after = ctx.afterSigners[stateId];
  const pending = {
    event: event.type,
    by: actor.userId,
    ...(event.data ? { data: event.data } : {}),
    ...(event.comment ? { comment: event.comment } : {}),
  };
  const afterSigners = { ...ctx.afterSigners, [stateId]: { signers: after.signers, signed: [], pending } };
  const c = { ...ctx, afterSigners };
  return {
    patch: { afterSigners },
    effects: [
      {
        type: 'reassignTask',
        taskKey: taskKey(stateId, ctx.visits[stateId]),
        candidates: currentCandidates(def, c, stateId),
        reason: 'signAfter',
      },
      { type: 'notify', kind: 'sign', state: stateId, to: after.signers.map((userId) => ({ userId })) },
    ],
  };
}

/** Signers were added after the handler and have not all signed a pending move yet. */
export const needsSigners = (ctx: EngineContext, stateId: string) => {
  const after = ctx.afterSigners[stateId];
  return !!after && after.signers.length > 0 && !after.pending;
};

/** This signature is the last one the pending move waits for. */
export const isLastSignature = (ctx: EngineContext, stateId: string, userId: string) => {
  const after = ctx.afterSigners[stateId];
  return !!after?.pending && after.signers.every((s) => s === userId || after.signed.includes(s));
};
