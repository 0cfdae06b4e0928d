import { assign, setup } from 'xstate';

import { autoDecision } from './auto-decision.js';
import { addWorkdays } from './calendar.js';
import { applyPart, completesWith } from './collect.js';
import { type EngineContext, envOf, joinOutcome, type MachineEvent, type StartInput, type Vote } from './context.js';
import type { TDefinition, TGuardRef, TTransition } from './definition/schema.js';
import { deadlineWorkdays, entryEffects, exitEffects, taskKey, timerEffects } from './effects.js';
import type { Effect } from './engine-types.js';
import { explain, resolveReviewers } from './explain.js';
import { runGuard } from './guards/registry.js';
import { applyMechanic, holdForSigners, isLastSignature, needsSigners } from './mechanics/apply.js';
import { applyReassign } from './mechanics/reassign.js';
import { mechanicEffects, mechanicTransitions } from './mechanics/transitions.js';

type Params = { state: string; event?: string; to?: string; guards?: TGuardRef[]; vote?: 'APPROVE' | 'REJECT' };

/** The vote this event would add, applied to a copy of the round. */
function withVote(ctx: EngineContext, p: Params, e: MachineEvent) {
  const round = ctx.reviews[p.state];
  const vote: Vote = {
    vote: p.vote!,
    at: e.env.now.toISOString(),
    ...(e.data ? { data: e.data } : {}),
    ...(e.comment ? { comment: e.comment } : {}),
  };
  return { ...round, votes: { ...round.votes, [e.actor.userId]: vote } };
}

/** Tells the caller which declared transition was taken, whichever way it fired (directly, by the deciding vote, by the last signer). */
const moved = (from: string, event: string, to: string) => ({
  type: 'effects' as const,
  params: { effects: [{ type: 'moved', from, event, to }] as Effect[] },
});

/**
 * Compiles a definition into an XState v5 machine. Effects are not performed: actions named
 * `effects` carry them as params, and `step()` hands them to the caller.
 */
export function compile(def: TDefinition) {
  const m = setup({
    types: {} as { context: EngineContext; events: MachineEvent; input: StartInput },
    guards: {
      permitted: ({ context, event }, p: Params) =>
        explain(def, context, p.state, event, event.actor, event.env) === null,
      voteDecides: ({ context, event }, p: Params) => {
        if (explain(def, context, p.state, event, event.actor, event.env) !== null) return false;
        const state = def.states[p.state];
        return state.kind === 'review' && joinOutcome(state.join, withVote(context, p, event)) === p.vote;
      },
      holdForSigners: ({ context, event }, p: Params) =>
        needsSigners(context, p.state) && explain(def, context, p.state, event, event.actor, event.env) === null,
      lastSignature: ({ context, event }, p: Params) =>
        context.afterSigners[p.state]?.pending?.event === p.event &&
        isLastSignature(context, p.state, event.actor.userId) &&
        explain(def, context, p.state, event, event.actor, event.env) === null,
      partCompletes: ({ context, event }, p: Params) =>
        completesWith(context.collections[p.state], event.actor.userId) &&
        explain(def, context, p.state, event, event.actor, event.env) === null,
      returnTo: ({ context, event }, p: Params) =>
        event.data?.to === p.to && explain(def, context, p.state, event, event.actor, event.env) === null,
      rules: ({ context, event }, p: Params) => {
        const { env } = envOf(event);
        return (p.guards ?? []).every(
          (g) =>
            runGuard(g.name, g.params, {
              data: context.data,
              facts: env.facts ?? {},
              collections: context.collections,
            }) === null,
        );
      },
    },
    actions: {
      /** Counts the visit and, for a review, opens its round with the reviewers resolved now. */
      visit: assign(({ context, event }, p: Params) => {
        const { env } = envOf(event);
        const visit = (context.visits[p.state] ?? 0) + 1;
        const state = def.states[p.state];
        const days =
          state.kind === 'review' || state.kind === 'collect' ? deadlineWorkdays(state.deadline, context.data) : 0;
        const dueAt = days ? addWorkdays(env.calendar, env.now, days).toISOString() : null;
        const collections =
          state.kind === 'collect'
            ? {
                ...context.collections,
                [p.state]: {
                  visit,
                  participants: resolveReviewers(def, context, p.state, env),
                  parts: {},
                  dueAt,
                  completions: 0,
                },
              }
            : context.collections;
        const reviews =
          state.kind === 'review'
            ? {
                ...context.reviews,
                [p.state]: { visit, assignees: resolveReviewers(def, context, p.state, env), votes: {}, dueAt },
              }
            : context.reviews;
        // Transfers, delegations and added signers belong to one visit of a step.
        const { [p.state]: _h, ...holders } = context.holders;
        const { [p.state]: _a, ...afterSigners } = context.afterSigners;
        return {
          visits: { ...context.visits, [p.state]: visit },
          trail: [...context.trail, p.state],
          reviews,
          holders,
          afterSigners,
          collections,
        };
      }),
      merge: assign(({ context, event }, p: Params) => {
        const data = { ...context.data, ...(event.data ?? {}) };
        const tr = p.event ? (def.states[p.state] as { on?: Record<string, TTransition> }).on?.[p.event] : undefined;
        if (!tr?.assigns) return { data };
        const ids = Array.isArray(event.data?.[tr.assigns.field]) ? (event.data[tr.assigns.field] as string[]) : [];
        return { data, assignments: { ...context.assignments, [tr.assigns.role]: ids } };
      }),
      mechanic: assign(
        ({ context, event }, p: Params) => applyMechanic(def, context, p.state, event, event.actor).patch,
      ),
      part: assign(
        ({ context, event }, p: Params) => applyPart(def, context, p.state, event, event.actor, event.env).patch,
      ),
      hold: assign(({ context, event }, p: Params) => holdForSigners(def, context, p.state, event, event.actor).patch),
      /** The last signature releases the held move, with the data and comment it was sent with. */
      release: assign(({ context }, p: Params) => ({
        data: { ...context.data, ...(context.afterSigners[p.state]?.pending?.data ?? {}) },
      })),
      reassign: assign(
        ({ context, event }, p: Params) => applyReassign(def, context, p.state, event, event.actor).patch,
      ),
      vote: assign(({ context, event }, p: Params) => ({
        reviews: { ...context.reviews, [p.state]: withVote(context, p, event) },
      })),
      /** An automatic step keeps what it decided and why, so the page and the history can say it. */
      decide: assign(({ context, event }, p: Params) => {
        const decision = autoDecision(def, context, p.state, envOf(event).env);
        return decision ? { decisions: { ...(context.decisions ?? {}), [p.state]: decision } } : {};
      }),
      effects: (_, _p: { effects: Effect[] }) => {},
    },
  });

  const states: Record<string, object> = {};
  for (const [id, state] of Object.entries(def.states)) {
    const entry = [
      { type: 'visit' as const, params: { state: id } },
      {
        type: 'effects' as const,
        params: ({ context, event }: { context: EngineContext; event: unknown }) => ({
          effects: entryEffects(def, context, id, envOf(event).env),
        }),
      },
    ];
    const exit = [
      {
        type: 'effects' as const,
        params: ({ context, event }: { context: EngineContext; event: MachineEvent }) => ({
          effects: exitEffects(
            def,
            context,
            id,
            event.type,
            event.actor?.userId === 'system' ? null : (event.actor?.userId ?? null),
          ),
        }),
      },
    ];
    if (state.kind === 'final') {
      states[id] = { type: 'final', entry };
      continue;
    }
    if (state.kind === 'auto') {
      // The initiator hears why the rules refused: each one, on the page, in the history and in a notice.
      const decided = {
        type: 'effects' as const,
        params: ({ context, event }: { context: EngineContext; event: unknown }) => {
          const d = autoDecision(def, context, id, envOf(event).env);
          if (!d) return { effects: [] };
          const told: Effect[] = d.reasons.length
            ? [
                {
                  type: 'notify',
                  kind: 'refused',
                  state: id,
                  to: [{ userId: context.initiatorId }],
                  reasons: d.reasons,
                },
              ]
            : [];
          return { effects: [{ type: 'decided', ...d } as Effect, ...told] };
        },
      };
      states[id] = {
        entry,
        exit: [...exit, { type: 'decide' as const, params: { state: id } }, decided],
        always: [
          ...state.choices.map((c) => ({
            target: c.to,
            guard: { type: 'rules', params: { state: id, guards: c.guards } },
          })),
          { target: state.otherwise },
        ],
      };
      continue;
    }
    const on: Record<string, unknown> = {};
    for (const [event, tr] of Object.entries(state.on)) {
      const move = { target: tr.to, reenter: tr.to === id };
      if (state.kind === 'review' && (event === 'APPROVE' || event === 'REJECT')) {
        const p = { state: id, event, vote: event } as const;
        const voted = {
          type: 'effects' as const,
          params: ({ context, event: e }: { context: EngineContext; event: MachineEvent }) => ({
            effects: [
              {
                type: 'closeTask',
                taskKey: taskKey(id, context.visits[id], e.actor.userId),
                outcome: event,
                byUserId: e.actor.userId,
              },
            ],
          }),
        };
        on[event] = [
          {
            ...move,
            guard: { type: 'voteDecides', params: p },
            actions: [voted, { type: 'vote', params: p }, moved(id, event, tr.to)],
          },
          { guard: { type: 'permitted', params: p }, actions: [voted, { type: 'vote', params: p }] },
        ];
      } else {
        on[event] = [
          {
            guard: { type: 'holdForSigners', params: { state: id } },
            actions: [mechanicEffects(def, id, 'hold'), { type: 'hold', params: { state: id } }],
          },
          {
            ...move,
            guard: { type: 'permitted', params: { state: id, event } },
            actions: [{ type: 'merge', params: { state: id, event } }, moved(id, event, tr.to)],
          },
        ];
      }
    }
    Object.assign(on, mechanicTransitions(def, id));
    if (state.kind === 'collect') {
      const part = [
        {
          type: 'effects' as const,
          params: ({ context, event: e }: { context: EngineContext; event: MachineEvent }) => ({
            effects: applyPart(def, context, id, e, e.actor, e.env).effects,
          }),
        },
        { type: 'part' as const, params: { state: id } },
      ];
      const permitted = { type: 'permitted', params: { state: id } };
      on.SUBMIT_PART = [
        ...(state.onComplete
          ? [{ target: state.onComplete.to, guard: { type: 'partCompletes', params: { state: id } }, actions: part }]
          : []),
        { guard: permitted, actions: part },
      ];
      on.RETURN_PART = { guard: permitted, actions: part };
    }
    // A bureau admin hands a departing person's work on, in any step that is not final (see mechanics/reassign.ts).
    on.REASSIGN = {
      guard: { type: 'permitted', params: { state: id } },
      actions: [
        {
          type: 'effects' as const,
          params: ({ context, event: e }: { context: EngineContext; event: MachineEvent }) => ({
            effects: applyReassign(def, context, id, e, e.actor).effects,
          }),
        },
        { type: 'reassign' as const, params: { state: id } },
      ],
    };
    if (state.kind === 'notice') {
      on.TIMER = { target: state.onEnd.to, guard: { type: 'permitted', params: { state: id } } };
    } else if (state.deadline) {
      // Reminder or deadline: the timer kind is read from the event; the state does not change.
      on.TIMER = [
        {
          guard: { type: 'permitted', params: { state: id } },
          actions: [
            {
              type: 'effects' as const,
              params: ({ context, event: e }: { context: EngineContext; event: MachineEvent }) => ({
                effects: timerEffects(def, context, id, e.timer ?? 'due'),
              }),
            },
          ],
        },
      ];
    }
    states[id] = { entry, exit, on };
  }

  return m.createMachine({
    id: def.key,
    initial: def.initial,
    context: ({ input }) =>
      input.context ?? {
        subject: input.subject,
        initiatorId: input.initiatorId,
        assignments: input.assignments,
        data: input.data,
        visits: {},
        trail: [],
        reviews: {},
        holders: {},
        afterSigners: {},
        readers: [],
        collections: {},
      },
    states: states as never,
  });
}

export type CompiledMachine = ReturnType<typeof compile>;
