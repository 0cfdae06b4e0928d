import { initialTransition, transition } from 'xstate';

import { matchesAny, SYSTEM_ACTOR } from './actors.js';
import { reviewSealFor } from './blind-review.js';
import { blindSpotFor, explainCollectorMove } from './collect.js';
import { compile, type CompiledMachine } from './compile.js';
import type { EngineContext } from './context.js';
import type { TActorRule, TDefinition, TRole } from './definition/schema.js';
import type {
  Actor,
  AvailableEvent,
  Effect,
  EngineEnv,
  EngineEvent,
  PersistedSnapshot,
  Refusal,
  StepResult,
  Subject,
} from './engine-types.js';
import { explain, resolveReviewers } from './explain.js';
import { fieldAccess } from './forms/field-access.js';
import { validateStepData } from './forms/validate-data.js';
import { runGuard } from './guards/registry.js';
import { mechanicNeedsComment } from './mechanics/apply.js';
import { mayFire, MECHANIC_EVENTS, type MechanicEvent, mechanicPermitted, returnTargets } from './mechanics/who-may.js';
import { eventLabel, t } from './text.js';

const machines = new WeakMap<TDefinition, CompiledMachine>();
/** Compiling is cheap but not free; a parsed definition object is compiled once. */
function machineFor(def: TDefinition): CompiledMachine {
  let m = machines.get(def);
  if (!m) machines.set(def, (m = compile(def)));
  return m;
}

const entries = new WeakMap<TDefinition, Map<string, CompiledMachine>>();
/** XState enters a machine only at its initial state, so `enter()` compiles a copy starting at the target (once per target). */
function entryMachineFor(def: TDefinition, state: string): CompiledMachine {
  let byState = entries.get(def);
  if (!byState) entries.set(def, (byState = new Map()));
  let m = byState.get(state);
  if (!m) byState.set(state, (m = compile({ ...def, initial: state })));
  return m;
}

type Snap = ReturnType<CompiledMachine['resolveState']>;

function restore(def: TDefinition, persisted: PersistedSnapshot): Snap {
  const { value, context } = persisted as { value: string; context: EngineContext };
  return machineFor(def).resolveState({ value, context });
}

function collect(actions: ReadonlyArray<{ type: string; params?: unknown }>): Effect[] {
  return actions.filter((a) => a.type === 'effects').flatMap((a) => (a.params as { effects: Effect[] }).effects);
}

function finish(def: TDefinition, snap: Snap, actions: ReadonlyArray<{ type: string; params?: unknown }>): StepResult {
  const state = snap.value as string;
  const s = def.states[state];
  const done = snap.status === 'done';
  return {
    ok: true,
    snapshot: { value: state, context: snap.context } as PersistedSnapshot,
    state,
    status: done ? 'completed' : 'running',
    outcome: done && s.kind === 'final' ? s.outcome : null,
    effects: collect(actions),
  };
}

export type StartArgs = {
  subject: Subject;
  initiator: Actor;
  data?: Record<string, unknown>;
  assignments?: Partial<Record<TRole, string[]>>;
};

/**
 * Starts an instance: checks the initiator may start it and the start form, then enters the initial
 * state. Pure: the caller persists the snapshot and performs the returned effects.
 */
export function start(def: TDefinition, args: StartArgs, env: EngineEnv): StepResult {
  const parties = { subject: args.subject, initiatorId: args.initiator.userId, assignments: args.assignments ?? {} };
  if (args.initiator.userId !== 'system' && !matchesAny(args.initiator, def.starters, parties))
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: t('您无权为该对象发起此流程', 'You may not start this workflow for this organisation'),
    };
  const checked = validateStepData(def, null, args.data ?? {}, {}, []);
  if (!checked.ok)
    return {
      ok: false,
      code: 'VALIDATION',
      message: t('填写的内容有误，请按提示修改', 'Some fields need attention'),
      fieldErrors: checked.fieldErrors,
    };
  const initial = def.states[def.initial];
  if (initial.kind === 'review' && resolveReviewers(def, { ...parties }, def.initial, env).length === 0)
    return {
      ok: false,
      code: 'GUARD_FAILED',
      rule: 'reviewersAvailable',
      message: t('首个审核环节没有审核人', 'The first review step has no reviewers'),
    };
  const [snap, actions] = initialTransition(machineFor(def), {
    ...parties,
    data: checked.merged,
    actor: args.initiator,
    env,
  });
  return finish(def, snap, actions);
}

/**
 * Enters `state` with `context` as if the instance had just arrived there: the visit is counted on from
 * the context's counters (so task and timer keys never collide with earlier ones), the state's review
 * round or collection is opened with the people resolved now, and its tasks, timers and notices are
 * returned as effects; an auto state moves on by its rules. Pure. The caller decides what of an older
 * context to carry (migration onto another definition version, ADR 0007).
 */
export function enter(def: TDefinition, context: EngineContext, state: string, env: EngineEnv): StepResult {
  const target = def.states[state];
  if (!target)
    return {
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
      message: t(`流程中没有环节「${state}」`, `This workflow has no step "${state}"`),
    };
  if (
    (target.kind === 'review' || target.kind === 'collect') &&
    resolveReviewers(def, context, state, env).length === 0
  )
    return {
      ok: false,
      code: 'GUARD_FAILED',
      rule: 'reviewersAvailable',
      message: t(`「${target.name['zh-CN']}」没有可办理的人员`, `Nobody can act in "${target.name.en}"`),
    };
  const input = {
    subject: context.subject,
    initiatorId: context.initiatorId,
    data: context.data,
    assignments: context.assignments,
    actor: SYSTEM_ACTOR,
    env,
    context,
  };
  const [snap, actions] = initialTransition(entryMachineFor(def, state), input);
  return finish(def, snap, actions);
}

/** Advances an instance by one event, or explains why it cannot. Never throws for a refused move. */
export function step(
  def: TDefinition,
  persisted: PersistedSnapshot,
  event: EngineEvent,
  actor: Actor,
  env: EngineEnv,
): StepResult {
  const current = restore(def, persisted);
  const stateId = current.value as string;
  if (current.status === 'done')
    return { ok: false, code: 'EVENT_NOT_ALLOWED', message: t('流程已结束，不能再办理', 'This instance has finished') };
  const refusal: Refusal | null = explain(def, current.context, stateId, event, actor, env);
  if (refusal) return refusal;
  const [next, actions] = transition(machineFor(def), current, { ...event, actor, env });
  return finish(def, next, actions);
}

/** The events this actor could fire now, with the rule blocking any whose guard fails on current data. */
export function availableEvents(
  def: TDefinition,
  persisted: PersistedSnapshot,
  actor: Actor,
  env: Partial<EngineEnv> = {},
): AvailableEvent[] {
  const current = restore(def, persisted);
  if (current.status === 'done') return [];
  const stateId = current.value as string;
  const state = def.states[stateId];
  if (state.kind === 'final' || state.kind === 'auto') return [];
  const ctx = current.context;
  const access = fieldAccess(def, stateId);
  const stepRequired = Object.keys(access).filter((f) => access[f] === 'required');
  const out: AvailableEvent[] = [];
  if (state.kind === 'collect') out.push(...collectEvents(def, ctx, stateId, actor));
  for (const [type, tr] of Object.entries(state.on)) {
    if (state.kind === 'review' && (type === 'APPROVE' || type === 'REJECT')) {
      const round = ctx.reviews[stateId];
      if (!round?.assignees.includes(actor.userId) || round.votes[actor.userId]) continue;
    } else if (!mayFire(def, ctx, stateId, tr, actor)) continue;
    const waiting = state.kind === 'collect' ? explainCollectorMove(def, ctx, stateId, tr.validate, env) : null;
    const blocked = waiting
      ? { rule: waiting.rule ?? 'allPartsIn', message: waiting.message }
      : (tr.guards ?? [])
          .map((g) => ({
            rule: g.name,
            message: runGuard(g.name, g.params, {
              data: ctx.data,
              facts: env.facts ?? {},
              collections: ctx.collections,
            }),
          }))
          .find((r) => r.message !== null);
    out.push({
      type,
      label: eventLabel(type, tr.label),
      to: tr.to,
      commentRequired: tr.comment === 'required',
      requires: [
        ...new Set([
          ...(tr.requires ?? []),
          ...(tr.validate === false || state.kind === 'collect' ? [] : stepRequired),
        ]),
      ],
      ...(tr.asks?.length ? { asks: tr.asks } : {}),
      ...(blocked?.message ? { blockedBy: { rule: blocked.rule, message: blocked.message } } : {}),
    });
  }
  return [...out, ...availableMechanics(def, ctx, stateId, actor)];
}

/** A collect step offers each missing participant their part, and the collector a way to return one. */
function collectEvents(def: TDefinition, ctx: EngineContext, stateId: string, actor: Actor): AvailableEvent[] {
  const state = def.states[stateId];
  const c = ctx.collections[stateId];
  if (state.kind !== 'collect' || !c) return [];
  const out: AvailableEvent[] = [];
  const part = c.parts[actor.userId];
  if (c.participants.includes(actor.userId) && part?.status !== 'submitted') {
    const access = fieldAccess(def, stateId);
    out.push({
      type: 'SUBMIT_PART',
      // The step says what a part is (提交评分, 提交本方意见); a member school's share of a report by default.
      label: state.partLabel ?? t('提交本单位填报', 'Submit my part'),
      to: stateId,
      commentRequired: false,
      requires: Object.keys(access).filter((f) => access[f] === 'required'),
    });
  }
  const submitted = c.participants.filter((u) => c.parts[u]?.status === 'submitted');
  if (submitted.length && matchesAny(actor, state.collectors, ctx))
    out.push({
      type: 'RETURN_PART',
      label: t('退回某单位填报', 'Return a part'),
      to: stateId,
      commentRequired: true,
      requires: [],
      input: 'part',
      users: submitted,
    });
  return out;
}

const MECHANIC_INPUT: Partial<Record<MechanicEvent, AvailableEvent['input']>> = {
  TRANSFER: 'user',
  DELEGATE: 'user',
  ADD_SIGNER: 'signer',
  COPY_TO: 'users',
  RETURN_TO: 'step',
};

function availableMechanics(def: TDefinition, ctx: EngineContext, stateId: string, actor: Actor): AvailableEvent[] {
  return MECHANIC_EVENTS.filter((type) => mechanicPermitted(def, ctx, stateId, type, actor)).map((type) => ({
    type,
    label: eventLabel(type),
    to: stateId,
    commentRequired: mechanicNeedsComment(type),
    requires: [],
    mechanic: true,
    ...(MECHANIC_INPUT[type] ? { input: MECHANIC_INPUT[type] } : {}),
    ...(type === 'RETURN_TO'
      ? { choices: returnTargets(def, ctx, stateId).map((state) => ({ state, name: def.states[state].name })) }
      : {}),
  }));
}

/** What a stored snapshot says, for lists, detail pages and the trace diagram. */
export function describeSnapshot(def: TDefinition, persisted: PersistedSnapshot) {
  const snap = restore(def, persisted);
  const state = snap.value as string;
  const s = def.states[state];
  const done = snap.status === 'done';
  return {
    state,
    status: done ? ('completed' as const) : ('running' as const),
    outcome: done && s.kind === 'final' ? s.outcome : null,
    data: snap.context.data,
    assignments: snap.context.assignments,
    visited: Object.keys(snap.context.visits),
    trail: snap.context.trail,
    reviews: snap.context.reviews,
    holders: snap.context.holders,
    afterSigners: snap.context.afterSigners,
    readers: snap.context.readers,
    collections: snap.context.collections,
    decisions: snap.context.decisions ?? {},
  };
}

/** What a participant of a running blind collect step may not see (other participants, fields naming them). */
export function blindSpot(def: TDefinition, persisted: PersistedSnapshot, userId: string) {
  const snap = restore(def, persisted);
  return blindSpotFor(def, snap.context, snap.value as string, userId);
}

/** What the reviewed side may not learn yet of the instance's expert review (who reviews), for this actor; null when nothing is sealed from them. */
export function reviewSeal(def: TDefinition, persisted: PersistedSnapshot, actor: Actor) {
  return reviewSealFor(def, restore(def, persisted).context, actor);
}

/** Review and collect states whose people the API must resolve from the directory (env.reviewers). */
export function reviewAssigneeRules(def: TDefinition): Array<{ state: string; rule: TActorRule }> {
  return Object.entries(def.states).flatMap(([state, s]) => {
    const rule = s.kind === 'review' ? s.assignees : s.kind === 'collect' ? s.participants : null;
    // `assigned`, `initiator` and `parts` the engine resolves itself, from the instance's context.
    return rule && rule.scope !== 'assigned' && rule.scope !== 'initiator' && rule.scope !== 'parts'
      ? [{ state, rule }]
      : [];
  });
}
