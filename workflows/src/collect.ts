import { candidatesFor, matchesAny } from './actors.js';
import type { EngineContext, MachineEvent } from './context.js';
import type { TDefinition } from './definition/schema.js';
import type { Actor, Effect, EngineEnv, Refusal } from './engine-types.js';
import { validateStepData } from './forms/validate-data.js';
import { t } from './text.js';

export type Part = {
  status: 'submitted' | 'returned';
  data: Record<string, unknown>;
  at: string;
  returns: number;
  comment?: string;
};
/** One visit of a collect step: who must submit, and each part as it stands. */
export type Collection = {
  visit: number;
  participants: string[];
  parts: Record<string, Part>;
  dueAt: string | null;
  completions: number;
};

type Incoming = Pick<MachineEvent, 'type' | 'data' | 'comment'>;
const refuse = (code: Refusal['code'], message: Refusal['message'], extra: Partial<Refusal> = {}): Refusal => ({
  ok: false,
  code,
  message,
  ...extra,
});

/** A participant's task key; a returned part reopens under a new key so every task row stays history. */
export const partTaskKey = (state: string, visit: number, userId: string, returns: number) =>
  returns === 0 ? `${state}:${visit}:${userId}` : `${state}:${visit}:${userId}:${returns + 1}`;
export const collectorTaskKey = (state: string, visit: number, n: number) => `${state}:${visit}:collector:${n}`;

export const pendingParticipants = (c: Collection) => c.participants.filter((u) => c.parts[u]?.status !== 'submitted');

/** Would this submission be the last part missing? */
export const completesWith = (c: Collection | undefined, userId: string) =>
  !!c && pendingParticipants(c).every((u) => u === userId);

export function explainPart(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  event: Incoming,
  actor: Actor,
): Refusal | null {
  const state = def.states[stateId];
  if (state.kind !== 'collect')
    return refuse('EVENT_NOT_ALLOWED', t('当前环节不是分头填报环节', 'This step does not collect parts'));
  const c = ctx.collections[stateId];
  if (event.type === 'SUBMIT_PART') {
    if (!c.participants.includes(actor.userId))
      return refuse('FORBIDDEN', t('您不是本环节的填报人', 'You do not submit a part in this step'));
    const part = c.parts[actor.userId];
    if (part?.status === 'submitted')
      return refuse(
        'EVENT_NOT_ALLOWED',
        t('您已提交，如需修改请联系汇总人退回', 'Already submitted; ask the collector to return it'),
      );
    const checked = validateStepData(def, stateId, event.data ?? {}, part?.data ?? {}, []);
    if (!checked.ok)
      return refuse('VALIDATION', t('填写的内容有误，请按提示修改', 'Some fields need attention'), {
        fieldErrors: checked.fieldErrors,
      });
    return null;
  }
  // RETURN_PART
  if (!matchesAny(actor, state.collectors, ctx))
    return refuse('FORBIDDEN', t('只有汇总人可以退回', 'Only the collector may return a part'));
  if (!event.comment?.trim())
    return refuse('COMMENT_REQUIRED', t('退回必须说明原因', 'Say why the part is returned'), {
      fieldErrors: { comment: t('请填写意见', 'Please write a comment') },
    });
  const userId = String(event.data?.userId ?? '');
  if (c.parts[userId]?.status !== 'submitted')
    return refuse('VALIDATION', t('请选择一份已提交的填报', 'Choose a submitted part'), {
      fieldErrors: { userId: t('该填报尚未提交', 'This part is not submitted') },
    });
  return null;
}

/**
 * The step's own transitions (the collector's) wait for every part unless they opt out with `validate: false`.
 * The refusal names who is missing (their school, from `env.partyNames`) so the collector knows whom to chase.
 */
export function explainCollectorMove(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  validate: boolean | undefined,
  env: Pick<Partial<EngineEnv>, 'partyNames'> = {},
): Refusal | null {
  const c = ctx.collections[stateId];
  const missing = pendingParticipants(c);
  if (validate === false || missing.length === 0) return null;
  // Read only now: the API computes the names when someone asks (a lazy property).
  const names = env.partyNames ?? {};
  const named = missing.map((u) => names[u]).filter((n): n is string => !!n);
  const n = missing.length;
  if (named.length < n)
    return refuse('GUARD_FAILED', t(`还有 ${n} 份填报未提交`, `${n} part(s) are still missing`), {
      rule: 'allPartsIn',
    });
  return refuse(
    'GUARD_FAILED',
    t(`还有 ${n} 份填报未提交：${named.join('、')}`, `${n} part(s) are still missing: ${named.join(', ')}`),
    { rule: 'allPartsIn' },
  );
}

/** Entering a collect step: one task per participant, resolved now. */
export function openCollection(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  participants: string[],
  dueAt: string | null,
): Effect[] {
  const visit = ctx.visits[stateId];
  return participants.map((userId) => ({
    type: 'openTask',
    taskKey: partTaskKey(stateId, visit, userId, 0),
    state: stateId,
    candidates: [{ userId }],
    dueAt,
    purpose: 'act',
  }));
}

export function applyPart(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  event: Incoming,
  actor: Actor,
  env: EngineEnv,
): { patch: Partial<EngineContext>; effects: Effect[] } {
  const state = def.states[stateId];
  if (state.kind !== 'collect') return { patch: {}, effects: [] };
  const c = ctx.collections[stateId];
  const effects: Effect[] = [];
  let next: Collection;
  if (event.type === 'SUBMIT_PART') {
    const prev = c.parts[actor.userId];
    const returns = prev?.returns ?? 0;
    next = {
      ...c,
      parts: {
        ...c.parts,
        [actor.userId]: {
          status: 'submitted',
          data: { ...(prev?.data ?? {}), ...(event.data ?? {}) },
          at: env.now.toISOString(),
          returns,
        },
      },
    };
    effects.push({
      type: 'closeTask',
      taskKey: partTaskKey(stateId, c.visit, actor.userId, returns),
      outcome: 'SUBMIT_PART',
      byUserId: actor.userId,
    });
    if (pendingParticipants(next).length === 0 && !state.onComplete && state.collectors.length > 0) {
      next = { ...next, completions: c.completions + 1 };
      effects.push({
        type: 'openTask',
        taskKey: collectorTaskKey(stateId, c.visit, next.completions),
        state: stateId,
        candidates: candidatesFor(state.collectors, ctx),
        dueAt: null,
        purpose: 'act',
      });
    }
  } else {
    const userId = String(event.data?.userId);
    const part = c.parts[userId];
    const returns = part.returns + 1;
    next = { ...c, parts: { ...c.parts, [userId]: { ...part, status: 'returned', returns, comment: event.comment } } };
    if (pendingParticipants(c).length === 0 && c.completions > 0)
      effects.push({
        type: 'closeTask',
        taskKey: collectorTaskKey(stateId, c.visit, c.completions),
        outcome: 'RETURN_PART',
        byUserId: actor.userId,
      });
    effects.push({
      type: 'openTask',
      taskKey: partTaskKey(stateId, c.visit, userId, returns),
      state: stateId,
      candidates: [{ userId }],
      dueAt: c.dueAt,
      purpose: 'act',
    });
    // Only that participant hears of it, with the collector's reason: the others' parts stay where they are.
    effects.push({ type: 'notify', kind: 'returned', state: stateId, to: [{ userId }], note: event.comment });
  }
  return { patch: { collections: { ...ctx.collections, [stateId]: next } }, effects };
}

/**
 * What a viewer may not see of an instance while a blind collect step runs and they take part in it:
 * the other participants (as actors of events) and the form fields that name them (a transition's
 * `assigns` for the participants' role). null when nothing is hidden from them.
 */
export function blindSpotFor(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  userId: string,
): { actors: string[]; fields: string[] } | null {
  const state = def.states[stateId];
  const c = ctx.collections[stateId];
  if (state?.kind !== 'collect' || !state.blind || !c?.participants.includes(userId)) return null;
  const fields = Object.values(def.states).flatMap((s) =>
    'on' in s
      ? Object.values(s.on).flatMap((tr) => (tr.assigns?.role === state.participants.role ? [tr.assigns.field] : []))
      : [],
  );
  return { actors: c.participants.filter((u) => u !== userId), fields: [...new Set(fields)] };
}

/** Leaving a collect step closes every task still open in it (the part that completed it closes itself). */
export function closeCollection(
  ctx: EngineContext,
  stateId: string,
  outcome: string,
  byUserId: string | null,
): Effect[] {
  const c = ctx.collections[stateId];
  if (!c) return [];
  const submitter = outcome === 'SUBMIT_PART' ? byUserId : null;
  const effects: Effect[] = pendingParticipants(c)
    .filter((u) => u !== submitter)
    .map((u) => ({
      type: 'closeTask',
      taskKey: partTaskKey(stateId, c.visit, u, c.parts[u]?.returns ?? 0),
      outcome: 'cancelled',
      byUserId,
    }));
  if (c.completions > 0)
    effects.push({ type: 'closeTask', taskKey: collectorTaskKey(stateId, c.visit, c.completions), outcome, byUserId });
  return effects;
}
