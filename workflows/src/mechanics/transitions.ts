import type { EngineContext, MachineEvent } from '../context.js';
import type { TDefinition } from '../definition/schema.js';
import { applyMechanic, holdForSigners } from './apply.js';
import { MECHANIC_EVENTS } from './who-may.js';

type ActionArgs = { context: EngineContext; event: MachineEvent };

/** An `effects` action carrying what a mechanic (or holding a move for signers) asks the outside world to do. */
export function mechanicEffects(def: TDefinition, state: string, kind: 'apply' | 'hold' = 'apply') {
  return {
    type: 'effects' as const,
    params: ({ context, event }: ActionArgs) => ({
      effects: (kind === 'hold' ? holdForSigners : applyMechanic)(def, context, state, event, event.actor).effects,
    }),
  };
}

/**
 * The XState transitions of the engine's mechanics in a task or review step. Targets must be static in
 * XState, so moves whose target is chosen at run time (return to a chosen step, the move released by
 * the last signer) get one guarded branch per possible target.
 */
export function mechanicTransitions(def: TDefinition, id: string): Record<string, unknown> {
  const state = def.states[id];
  const stay = (type: string) => ({
    guard: { type: 'permitted', params: { state: id, event: type } },
    actions: [mechanicEffects(def, id), { type: 'mechanic', params: { state: id } }],
  });
  if (state.kind === 'collect') return { COPY_TO: stay('COPY_TO'), CHASE: stay('CHASE') };
  if (state.kind !== 'task' && state.kind !== 'review') return {};
  const on: Record<string, unknown> = {};
  for (const type of MECHANIC_EVENTS) on[type] = stay(type);
  on.RETURN_TO = Object.entries(def.states)
    .filter(([to, s]) => s.kind === 'task' && to !== id)
    .map(([to]) => ({ target: to, guard: { type: 'returnTo', params: { state: id, to } } }));
  on.SIGN = [
    ...Object.entries(state.on).map(([event, tr]) => ({
      target: tr.to,
      reenter: tr.to === id,
      guard: { type: 'lastSignature', params: { state: id, event } },
      actions: [
        { type: 'mechanic', params: { state: id } },
        { type: 'release', params: { state: id } },
        { type: 'effects' as const, params: { effects: [{ type: 'moved' as const, from: id, event, to: tr.to }] } },
      ],
    })),
    stay('SIGN'),
  ];
  return on;
}
