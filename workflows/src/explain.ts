import { matchesAny, partUsers } from './actors.js';
import { completesWith, explainCollectorMove, explainPart } from './collect.js';
import { type EngineContext, joinOutcome } from './context.js';
import type { TActorRule, TDefinition, TTransition } from './definition/schema.js';
import type { Actor, EngineEnv, Refusal } from './engine-types.js';
import { validateStepData } from './forms/validate-data.js';
import { guardField, runGuard } from './guards/registry.js';
import { isLastSignature, mechanicInputErrors, mechanicNeedsComment } from './mechanics/apply.js';
import { explainReassign } from './mechanics/reassign.js';
import { isMechanicEvent, mayFire, MECHANIC_OF, type MechanicEvent, mechanicPermitted } from './mechanics/who-may.js';
import { t } from './text.js';

type Incoming = {
  type: string;
  data?: Record<string, unknown>;
  comment?: string;
  timer?: string;
  state?: string;
  visit?: number;
};

const refuse = (code: Refusal['code'], message: Refusal['message'], extra: Partial<Refusal> = {}): Refusal => ({
  ok: false,
  code,
  message,
  ...extra,
});

const notAllowed = (type: string, stateName: string) =>
  refuse(
    'EVENT_NOT_ALLOWED',
    t(`当前环节「${stateName}」不能执行「${type}」`, `"${type}" is not possible in the current step`),
  );

/** Who may fire a transition: its own actors, else the state's actors (task) or assignees (review). */
export function transitionActors(def: TDefinition, stateId: string, transition: TTransition): TActorRule[] {
  const state = def.states[stateId];
  if (transition.actors) return transition.actors;
  if (state.kind === 'task') return state.actors;
  if (state.kind === 'collect') return state.collectors;
  if (state.kind === 'review') return [state.assignees];
  return [];
}

/** The people a review or collect state gets on entry: from the instance's assignments, else those the API resolved. */
export function resolveReviewers(
  def: TDefinition,
  ctx: Pick<EngineContext, 'assignments' | 'initiatorId'> & Partial<Pick<EngineContext, 'collections'>>,
  stateId: string,
  env: EngineEnv,
): string[] {
  const state = def.states[stateId];
  const rule = state.kind === 'review' ? state.assignees : state.kind === 'collect' ? state.participants : null;
  if (!rule) return [];
  if (rule.scope === 'assigned') return ctx.assignments[rule.role] ?? [];
  if (rule.scope === 'initiator') return [ctx.initiatorId];
  if (rule.scope === 'parts') return partUsers(rule, ctx.collections);
  return env.reviewers?.[stateId] ?? [];
}

/**
 * Why this event cannot happen now, or null when it may. The compiled machine's guard calls this
 * too, so the explanation a person sees and the decision XState takes can never disagree.
 */
export function explain(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  event: Incoming,
  actor: Actor,
  env: EngineEnv,
): Refusal | null {
  const state = def.states[stateId];
  const stateName = state.name['zh-CN'];
  if (event.type === 'TIMER') {
    const live = actor.userId === 'system' && event.state === stateId && event.visit === ctx.visits[stateId];
    const kindOk =
      (state.kind === 'notice' && event.timer === 'noticeEnd') ||
      ((state.kind === 'task' || state.kind === 'review' || state.kind === 'collect') &&
        !!state.deadline &&
        (event.timer === 'due' || event.timer === 'remind'));
    return live && kindOk ? null : notAllowed(event.type, stateName);
  }
  if (state.kind === 'final' || state.kind === 'auto') return notAllowed(event.type, stateName);
  if (event.type === 'REASSIGN') return explainReassign(def, ctx, stateId, event, actor);
  if (isMechanicEvent(event.type)) return explainMechanic(def, ctx, stateId, event, actor, env);
  if (event.type === 'SUBMIT_PART' || event.type === 'RETURN_PART') {
    const why = explainPart(def, ctx, stateId, event, actor);
    if (why || event.type === 'RETURN_PART' || state.kind !== 'collect' || !state.onComplete) return why;
    return completesWith(ctx.collections[stateId], actor.userId)
      ? checkTarget(def, ctx, stateId, state.onComplete.to, event.type, false, actor, env)
      : null;
  }
  const transition = state.on[event.type];
  if (!transition) return notAllowed(event.type, stateName);

  const isVote = state.kind === 'review' && (event.type === 'APPROVE' || event.type === 'REJECT');
  if (isVote) {
    const round = ctx.reviews[stateId];
    if (!round?.assignees.includes(actor.userId))
      return refuse('FORBIDDEN', t('您不是本环节的会签/审核人', 'You are not a reviewer of this step'));
    if (round.votes[actor.userId])
      return refuse('EVENT_NOT_ALLOWED', t('您已在本环节表态，不能重复提交', 'You have already voted in this step'));
  } else if (!mayFire(def, ctx, stateId, transition, actor)) {
    if (!matchesAny(actor, transitionActors(def, stateId, transition), ctx))
      return refuse('FORBIDDEN', t('您的角色无权执行此操作', 'Your role may not do this here'));
    return refuse(
      'EVENT_NOT_ALLOWED',
      t('本环节已转交他人或正在等待加签，暂不能由您办理', 'This step is with someone else or waiting for signers'),
    );
  }

  if (state.kind === 'collect') {
    const waiting = explainCollectorMove(def, ctx, stateId, transition.validate, env);
    if (waiting) return waiting;
  }
  if (transition.comment === 'required' && !event.comment?.trim())
    return refuse('COMMENT_REQUIRED', t('此操作必须填写意见', 'This action needs a comment'), {
      fieldErrors: { comment: t('请填写意见', 'Please write a comment') },
    });

  const requires = transition.requires ?? [];
  const enforce = transition.validate !== false && state.kind !== 'collect';
  const checked = validateStepData(
    def,
    stateId,
    event.data ?? {},
    ctx.data,
    transition.validate === false ? [] : requires,
    enforce,
  );
  if (!checked.ok)
    return refuse('VALIDATION', t('填写的内容有误，请按提示修改', 'Some fields need attention'), {
      fieldErrors: checked.fieldErrors,
    });
  const data = { ...ctx.data, ...(event.data ?? {}) };
  if (transition.assigns) {
    const ids = event.data?.[transition.assigns.field];
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x) => typeof x === 'string'))
      return refuse('VALIDATION', t('请指定办理人员', 'Choose who is assigned'), {
        fieldErrors: { [transition.assigns.field]: t('请至少选择一人', 'Choose at least one person') },
      });
  }

  for (const g of transition.guards ?? []) {
    const why = runGuard(g.name, g.params, { data, facts: env.facts ?? {}, collections: ctx.collections });
    if (!why) continue;
    const field = guardField(g.name, g.params);
    return refuse('GUARD_FAILED', why, { rule: g.name, ...(field ? { fieldErrors: { [field]: why } } : {}) });
  }

  const assigned = transition.assigns
    ? {
        ...ctx,
        assignments: {
          ...ctx.assignments,
          [transition.assigns.role]: event.data?.[transition.assigns.field] as string[],
        },
      }
    : ctx;
  return checkTarget(def, assigned, stateId, transition.to, event.type, isVote, actor, env);
}

/** Entering a review needs enough reviewers; only a vote that decides the join enters anything. */
function checkTarget(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  to: string,
  type: string,
  isVote: boolean,
  actor: Actor,
  env: EngineEnv,
): Refusal | null {
  const state = def.states[stateId];
  const event = { type };
  const target = def.states[to];
  const decides =
    !isVote ||
    (state.kind === 'review' &&
      joinOutcome(state.join, {
        ...ctx.reviews[stateId],
        votes: { ...ctx.reviews[stateId].votes, [actor.userId]: { vote: event.type as 'APPROVE', at: '' } },
      }) === event.type);
  if ((target?.kind === 'review' || target?.kind === 'collect') && decides) {
    const reviewers = resolveReviewers(def, ctx, to, env);
    const needed = target.kind === 'review' && target.join.policy === 'quorum' ? target.join.count : 1;
    if (reviewers.length < needed)
      return refuse(
        'GUARD_FAILED',
        t(
          `「${target.name['zh-CN']}」缺少审核人（需要 ${needed} 人）`,
          `"${target.name.en}" has too few reviewers (needs ${needed})`,
        ),
        { rule: 'reviewersAvailable' },
      );
  }
  return null;
}

function explainMechanic(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  event: Incoming,
  actor: Actor,
  env: EngineEnv,
): Refusal | null {
  const state = def.states[stateId];
  const type = event.type as MechanicEvent;
  if (!mechanicPermitted(def, ctx, stateId, type, actor)) {
    const enabled =
      !MECHANIC_OF[type] ||
      (state.kind !== 'notice' && 'mechanics' in state && state.mechanics.includes(MECHANIC_OF[type]!));
    return enabled
      ? refuse('FORBIDDEN', t('您当前不能执行此操作', 'You cannot do this now'))
      : notAllowed(event.type, state.name['zh-CN']);
  }
  if (mechanicNeedsComment(type) && !event.comment?.trim())
    return refuse('COMMENT_REQUIRED', t('此操作必须填写意见', 'This action needs a comment'), {
      fieldErrors: { comment: t('请填写意见', 'Please write a comment') },
    });
  const inputErrors = mechanicInputErrors(def, ctx, stateId, event, actor);
  if (inputErrors)
    return refuse('VALIDATION', t('请补全办理信息', 'Some details are missing'), { fieldErrors: inputErrors });
  if (type === 'RESOLVE' || type === 'SAVE') {
    // A draft or a delegate's contribution is not the decision: required fields are due only when moving on.
    const checked = validateStepData(def, stateId, event.data ?? {}, ctx.data, [], false);
    if (!checked.ok)
      return refuse('VALIDATION', t('填写的内容有误，请按提示修改', 'Some fields need attention'), {
        fieldErrors: checked.fieldErrors,
      });
  }
  const pending = ctx.afterSigners[stateId]?.pending;
  if (
    type === 'SIGN' &&
    pending &&
    isLastSignature(ctx, stateId, actor.userId) &&
    state.kind !== 'notice' &&
    'on' in state
  )
    return checkTarget(def, ctx, stateId, state.on[pending.event].to, pending.event, false, actor, env);
  if (type === 'RETURN_TO') return checkTarget(def, ctx, stateId, String(event.data?.to), type, false, actor, env);
  return null;
}
