import { matchesAny } from '../actors.js';
import type { EngineContext } from '../context.js';
import type { TDefinition, TMechanic, TTransition } from '../definition/schema.js';
import type { Actor } from '../engine-types.js';

/** Events the engine adds to task and review steps; definitions may not declare them. */
export const MECHANIC_EVENTS = [
  'SAVE',
  'TRANSFER',
  'DELEGATE',
  'RESOLVE',
  'ADD_SIGNER',
  'SIGN',
  'DECLINE_SIGN',
  'COPY_TO',
  'CHASE',
  'RETURN_TO',
] as const;
export type MechanicEvent = (typeof MECHANIC_EVENTS)[number];
export const isMechanicEvent = (type: string): type is MechanicEvent =>
  (MECHANIC_EVENTS as readonly string[]).includes(type);

/** The mechanic a definition must enable for an event (RESOLVE, SIGN and DECLINE_SIGN follow from the one that started them). */
export const MECHANIC_OF: Partial<Record<MechanicEvent, TMechanic>> = {
  SAVE: 'SAVE',
  TRANSFER: 'TRANSFER',
  DELEGATE: 'DELEGATE',
  ADD_SIGNER: 'ADD_SIGNER',
  COPY_TO: 'COPY_TO',
  CHASE: 'CHASE',
  RETURN_TO: 'RETURN_TO',
};

/**
 * Is the actor the one the step is waiting on now? For a review, a reviewer who has not voted; for a
 * task, whoever it was transferred to, else anyone matching the step's actors — unless the work is
 * out with a delegate or with signers, when nobody but them can act.
 */
export function isHandler(def: TDefinition, ctx: EngineContext, stateId: string, actor: Actor): boolean {
  const state = def.states[stateId];
  if (state.kind === 'review') {
    const round = ctx.reviews[stateId];
    return !!round && round.assignees.includes(actor.userId) && !round.votes[actor.userId];
  }
  if (state.kind === 'collect') {
    const c = ctx.collections[stateId];
    return (
      (!!c && c.participants.includes(actor.userId) && c.parts[actor.userId]?.status !== 'submitted') ||
      matchesAny(actor, state.collectors, ctx)
    );
  }
  if (state.kind !== 'task') return false;
  if (ctx.afterSigners[stateId]?.pending) return false;
  const holder = ctx.holders[stateId];
  if (holder) return holder.mode === 'transfer' && holder.userId === actor.userId;
  return matchesAny(actor, state.actors, ctx);
}

/** May the actor fire a declared transition? Its own actors if it names them, else the step's handler. */
export function mayFire(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  transition: TTransition,
  actor: Actor,
): boolean {
  if (transition.actors) return matchesAny(actor, transition.actors, ctx);
  const state = def.states[stateId];
  if (state.kind === 'collect') return matchesAny(actor, state.collectors, ctx);
  return isHandler(def, ctx, stateId, actor);
}

/** Who may chase (催办) a step: the initiator and the people who supervise it, never its own handler. */
export function mayChase(def: TDefinition, ctx: EngineContext, stateId: string, actor: Actor): boolean {
  if (isHandler(def, ctx, stateId, actor)) return false;
  return (
    actor.userId === ctx.initiatorId ||
    matchesAny(
      actor,
      [
        { role: 'bureauAdmin', scope: 'district' },
        { role: 'bureauReviewer', scope: 'district' },
        { role: 'groupLead', scope: 'subject.group' },
      ],
      ctx,
    )
  );
}

/** Earlier task steps this instance has been through, in the order first visited. */
export function returnTargets(def: TDefinition, ctx: EngineContext, stateId: string): string[] {
  return [...new Set(ctx.trail)].filter((s) => s !== stateId && def.states[s]?.kind === 'task');
}

/** Is the mechanic behind this event possible for this actor now (data aside)? */
export function mechanicPermitted(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  type: MechanicEvent,
  actor: Actor,
): boolean {
  const state = def.states[stateId];
  if (state.kind !== 'task' && state.kind !== 'review' && state.kind !== 'collect') return false;
  // A collect step's work is its parts: only copying and chasing apply to it.
  if (state.kind === 'collect' && type !== 'COPY_TO' && type !== 'CHASE') return false;
  const needed = MECHANIC_OF[type];
  if (needed && !state.mechanics.includes(needed)) return false;
  const holder = ctx.holders[stateId];
  const after = ctx.afterSigners[stateId];
  switch (type) {
    case 'TRANSFER':
    case 'ADD_SIGNER':
    case 'COPY_TO':
      return isHandler(def, ctx, stateId, actor);
    case 'DELEGATE':
    case 'SAVE':
      return state.kind === 'task' && isHandler(def, ctx, stateId, actor);
    case 'RETURN_TO':
      return isHandler(def, ctx, stateId, actor) && returnTargets(def, ctx, stateId).length > 0;
    case 'RESOLVE':
      return !!holder && holder.mode !== 'transfer' && holder.userId === actor.userId;
    case 'SIGN':
    case 'DECLINE_SIGN':
      return !!after?.pending && after.signers.includes(actor.userId) && !after.signed.includes(actor.userId);
    case 'CHASE':
      return mayChase(def, ctx, stateId, actor);
  }
}
