import type { TActorRule, TDefinition, TTransition } from './definition/schema.js';
import type { Actor, EngineEnv, Refusal } from './engine-types.js';
import { joinOutcome, type EngineContext } from './context.js';
import { matchesAny } from './actors.js';
import { runGuard } from './guards/registry.js';
import { validateStepData } from './forms/validate-data.js';
import { t } from './text.js';

type Incoming = { type: string; data?: Record<string, unknown>; comment?: string; timer?: string; state?: string; visit?: number };

const refuse = (code: Refusal['code'], message: Refusal['message'], extra: Partial<Refusal> = {}): Refusal => ({ ok: false, code, message, ...extra });

const notAllowed = (type: string, stateName: string) =>
  refuse('EVENT_NOT_ALLOWED', t(`当前环节「${stateName}」不能执行「${type}」`, `"${type}" is not possible in the current step`));

/** Who may fire a transition: its own actors, else the state's actors (task) or assignees (review). */
export function transitionActors(def: TDefinition, stateId: string, transition: TTransition): TActorRule[] {
  const state = def.states[stateId];
  if (transition.actors) return transition.actors;
  if (state.kind === 'task') return state.actors;
  if (state.kind === 'review') return [state.assignees];
  return [];
}

/** Reviewers a review state would get on entry: the instance's assignments, else those the API resolved. */
export function resolveReviewers(def: TDefinition, ctx: Pick<EngineContext, 'assignments' | 'initiatorId'>, stateId: string, env: EngineEnv): string[] {
  const state = def.states[stateId];
  if (state.kind !== 'review') return [];
  if (state.assignees.scope === 'assigned') return ctx.assignments[state.assignees.role] ?? [];
  if (state.assignees.scope === 'initiator') return [ctx.initiatorId];
  return env.reviewers?.[stateId] ?? [];
}

/**
 * Why this event cannot happen now, or null when it may. The compiled machine's guard calls this
 * too, so the explanation a person sees and the decision XState takes can never disagree.
 */
export function explain(def: TDefinition, ctx: EngineContext, stateId: string, event: Incoming, actor: Actor, env: EngineEnv): Refusal | null {
  const state = def.states[stateId];
  const stateName = state.name['zh-CN'];
  if (event.type === 'TIMER') {
    const live = actor.userId === 'system' && event.state === stateId && event.visit === ctx.visits[stateId];
    const kindOk =
      (state.kind === 'notice' && event.timer === 'noticeEnd') ||
      ((state.kind === 'task' || state.kind === 'review') && !!state.deadline && (event.timer === 'due' || event.timer === 'remind'));
    return live && kindOk ? null : notAllowed(event.type, stateName);
  }
  if (state.kind === 'final' || state.kind === 'auto') return notAllowed(event.type, stateName);
  const transition = state.on[event.type];
  if (!transition) return notAllowed(event.type, stateName);

  const isVote = state.kind === 'review' && (event.type === 'APPROVE' || event.type === 'REJECT');
  if (isVote) {
    const round = ctx.reviews[stateId];
    if (!round?.assignees.includes(actor.userId))
      return refuse('FORBIDDEN', t('您不是本环节的会签/审核人', 'You are not a reviewer of this step'));
    if (round.votes[actor.userId])
      return refuse('EVENT_NOT_ALLOWED', t('您已在本环节表态，不能重复提交', 'You have already voted in this step'));
  } else if (!matchesAny(actor, transitionActors(def, stateId, transition), ctx)) {
    return refuse('FORBIDDEN', t('您的角色无权执行此操作', 'Your role may not do this here'));
  }

  if (transition.comment === 'required' && !event.comment?.trim())
    return refuse('COMMENT_REQUIRED', t('此操作必须填写意见', 'This action needs a comment'), {
      fieldErrors: { comment: t('请填写意见', 'Please write a comment') },
    });

  const requires = transition.requires ?? [];
  const checked =
    transition.validate === false
      ? validateStepData(def, stateId, event.data ?? {}, {}, [])
      : validateStepData(def, stateId, event.data ?? {}, ctx.data, requires);
  if (!checked.ok)
    return refuse('VALIDATION', t('填写的内容有误，请按提示修改', 'Some fields need attention'), { fieldErrors: checked.fieldErrors });
  const data = { ...ctx.data, ...(event.data ?? {}) };

  for (const g of transition.guards ?? []) {
    const why = runGuard(g.name, g.params, { data, facts: env.facts ?? {} });
    if (why) return refuse('GUARD_FAILED', why, { rule: g.name });
  }

  const target = def.states[transition.to];
  const decides =
    !isVote ||
    (state.kind === 'review' &&
      joinOutcome(state.join, { ...ctx.reviews[stateId], votes: { ...ctx.reviews[stateId].votes, [actor.userId]: { vote: event.type as 'APPROVE', at: '' } } }) === event.type);
  if (target?.kind === 'review' && decides) {
    const reviewers = resolveReviewers(def, ctx, transition.to, env);
    const needed = target.join.policy === 'quorum' ? target.join.count : 1;
    if (reviewers.length < needed)
      return refuse('GUARD_FAILED', t(`「${target.name['zh-CN']}」缺少审核人（需要 ${needed} 人）`, `"${target.name.en}" has too few reviewers (needs ${needed})`), { rule: 'reviewersAvailable' });
  }
  return null;
}
