import { candidatesFor } from './actors.js';
import { addWorkdays, reminderAt } from './calendar.js';
import { closeCollection, openCollection, pendingParticipants } from './collect.js';
import type { EngineContext } from './context.js';
import type { TDeadline, TDefinition } from './definition/schema.js';
import type { Effect, TaskCandidate } from './engine-types.js';
import type { EngineEnv } from './engine-types.js';

/** The deadline in working days: a positive number in `fromField` wins over the default. */
export function deadlineWorkdays(deadline: TDeadline | undefined, data: Record<string, unknown>): number {
  if (!deadline) return 0;
  const v = deadline.fromField ? data[deadline.fromField] : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : deadline.workdays;
}

export const taskKey = (state: string, visit: number, userId?: string) =>
  userId ? `${state}:${visit}:${userId}` : `${state}:${visit}`;
const timerKey = (state: string, visit: number, timer: string) => `${state}:${visit}:${timer}`;

/** The candidates of a state's work: its actors, or for a review the assignees of this round. */
export function stateCandidates(def: TDefinition, ctx: EngineContext, stateId: string): TaskCandidate[] {
  const state = def.states[stateId];
  if (state.kind === 'task') return candidatesFor(state.actors, ctx);
  if (state.kind === 'review') return (ctx.reviews[stateId]?.assignees ?? []).map((userId) => ({ userId }));
  if (state.kind === 'collect') {
    const c = ctx.collections[stateId];
    return c ? pendingParticipants(c).map((userId) => ({ userId })) : [];
  }
  return [];
}

/** What entering a state asks the outside world to do: open tasks, start timers, tell people. */
export function entryEffects(def: TDefinition, ctx: EngineContext, stateId: string, env: EngineEnv): Effect[] {
  const state = def.states[stateId];
  const visit = ctx.visits[stateId];
  const effects: Effect[] = [];
  if (state.kind === 'notice') {
    const dueAt = addWorkdays(env.calendar, env.now, state.duration.workdays).toISOString();
    effects.push({
      type: 'scheduleTimer',
      timerKey: timerKey(stateId, visit, 'noticeEnd'),
      dueAt,
      event: { type: 'TIMER', timer: 'noticeEnd', state: stateId, visit },
    });
    return effects;
  }
  if (state.kind !== 'task' && state.kind !== 'review' && state.kind !== 'collect') return effects;

  const deadline = state.deadline;
  const workdays = deadlineWorkdays(state.deadline, ctx.data);
  const dueAt = deadline ? addWorkdays(env.calendar, env.now, workdays).toISOString() : null;
  if (state.kind === 'collect') {
    effects.push(...openCollection(def, ctx, stateId, ctx.collections[stateId].participants, dueAt));
  } else if (state.kind === 'task') {
    effects.push({
      type: 'openTask',
      taskKey: taskKey(stateId, visit),
      state: stateId,
      candidates: candidatesFor(state.actors, ctx),
      dueAt,
      purpose: 'act',
    });
  } else {
    for (const userId of ctx.reviews[stateId].assignees)
      effects.push({
        type: 'openTask',
        taskKey: taskKey(stateId, visit, userId),
        state: stateId,
        candidates: [{ userId }],
        dueAt,
        purpose: 'review',
      });
  }
  if (deadline && dueAt) {
    effects.push({
      type: 'scheduleTimer',
      timerKey: timerKey(stateId, visit, 'due'),
      dueAt,
      event: { type: 'TIMER', timer: 'due', state: stateId, visit },
    });
    const remind = reminderAt(env.calendar, env.now, workdays, deadline.remindBefore ?? 0);
    if (remind && remind > env.now)
      effects.push({
        type: 'scheduleTimer',
        timerKey: timerKey(stateId, visit, 'remind'),
        dueAt: remind.toISOString(),
        event: { type: 'TIMER', timer: 'remind', state: stateId, visit },
      });
  }
  effects.push({ type: 'notify', kind: 'entered', state: stateId, to: stateCandidates(def, ctx, stateId) });
  return effects;
}

/** What leaving a state undoes: its open tasks close, its timers are cancelled. */
export function exitEffects(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  outcome: string,
  byUserId: string | null,
): Effect[] {
  const state = def.states[stateId];
  const visit = ctx.visits[stateId];
  const effects: Effect[] = [];
  if (state.kind === 'task') effects.push({ type: 'closeTask', taskKey: taskKey(stateId, visit), outcome, byUserId });
  if (state.kind === 'review') {
    const round = ctx.reviews[stateId];
    // XState runs exit actions before the transition's own, so the deciding vote is not recorded
    // yet: its task is closed by the vote itself, with the vote as outcome.
    const voter = outcome === 'APPROVE' || outcome === 'REJECT' ? byUserId : null;
    for (const userId of round.assignees)
      if (!round.votes[userId] && userId !== voter)
        effects.push({ type: 'closeTask', taskKey: taskKey(stateId, visit, userId), outcome: 'cancelled', byUserId });
  }
  if (state.kind === 'collect') effects.push(...closeCollection(ctx, stateId, outcome, byUserId));
  if (state.kind === 'task' || state.kind === 'review' || state.kind === 'collect') {
    if (state.deadline?.escalateTo)
      effects.push({ type: 'closeTask', taskKey: taskKey(stateId, visit, 'escalation'), outcome, byUserId });
    effects.push(
      { type: 'cancelTimer', timerKey: timerKey(stateId, visit, 'due') },
      { type: 'cancelTimer', timerKey: timerKey(stateId, visit, 'remind') },
    );
  }
  if (state.kind === 'notice') effects.push({ type: 'cancelTimer', timerKey: timerKey(stateId, visit, 'noticeEnd') });
  return effects;
}

/** A deadline timer fired: remind the people on the task, or escalate when the deadline passed. */
export function timerEffects(def: TDefinition, ctx: EngineContext, stateId: string, timer: string): Effect[] {
  const state = def.states[stateId];
  if (state.kind !== 'task' && state.kind !== 'review' && state.kind !== 'collect') return [];
  const to = stateCandidates(def, ctx, stateId);
  if (timer === 'remind') return [{ type: 'notify', kind: 'reminder', state: stateId, to }];
  const escalateTo = state.deadline?.escalateTo;
  if (!escalateTo) return [{ type: 'notify', kind: 'escalation', state: stateId, to }];
  const escalation = candidatesFor([escalateTo], ctx);
  return [
    {
      type: 'openTask',
      taskKey: taskKey(stateId, ctx.visits[stateId], 'escalation'),
      state: stateId,
      candidates: escalation,
      dueAt: null,
      purpose: 'escalation',
    },
    { type: 'notify', kind: 'escalation', state: stateId, to: [...to, ...escalation] },
  ];
}
