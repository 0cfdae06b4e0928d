import { candidatesFor, matchesAny } from '../actors.js';
import { collectorTaskKey, partTaskKey } from '../collect.js';
import type { EngineContext, Holder } from '../context.js';
import type { TActorRule, TDefinition, TLocalizedText } from '../definition/schema.js';
import { stateCandidates, taskKey } from '../effects.js';
import type { Actor, Effect, Refusal, TaskCandidate } from '../engine-types.js';
import { t } from '../text.js';

/**
 * Who may fire REASSIGN: a bureau administrator of the instance's district. Unlike the per-step
 * mechanics a definition lists, handing over a departing person's work is a bureau duty that no
 * definition can switch off (a step without 转办 would otherwise strand the work), so the rule is fixed
 * here rather than in the definition.
 */
export const REASSIGNERS: TActorRule[] = [{ role: 'bureauAdmin', scope: 'district' }];

type Incoming = { type: string; data?: Record<string, unknown> };
export type ReassignOutcome = { patch: Partial<EngineContext>; effects: Effect[] };

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const swap = (ids: string[], from: string, to: string) => [...new Set(ids.map((u) => (u === from ? to : u)))];
const sameCandidates = (a: TaskCandidate[], b: TaskCandidate[]) => JSON.stringify(a) === JSON.stringify(b);
const refuse = (
  code: Refusal['code'],
  message: TLocalizedText,
  fieldErrors?: Record<string, TLocalizedText>,
): Refusal => ({
  ok: false,
  code,
  message,
  ...(fieldErrors ? { fieldErrors } : {}),
});

function swapHolder(h: Holder | undefined, from: string, to: string): Holder | undefined {
  if (!h) return h;
  return { ...h, userId: h.userId === from ? to : h.userId, ...(h.prev ? { prev: swapHolder(h.prev, from, to) } : {}) };
}

/** The people a task state waits on now (same reading as the mechanics: signers after, else holder, else its actors). */
function taskCandidates(def: TDefinition, ctx: EngineContext, stateId: string): TaskCandidate[] {
  const after = ctx.afterSigners[stateId];
  if (after?.pending) return after.signers.filter((s) => !after.signed.includes(s)).map((userId) => ({ userId }));
  const holder = ctx.holders[stateId];
  return holder ? [{ userId: holder.userId }] : stateCandidates(def, ctx, stateId);
}

/** Form fields that a transition's `assigns` fills with user ids: they name the assignees too. */
function assigneeFields(def: TDefinition): string[] {
  const fields = Object.values(def.states).flatMap((s) =>
    'on' in s ? Object.values(s.on).flatMap((tr) => (tr.assigns ? [tr.assigns.field] : [])) : [],
  );
  return [...new Set(fields)];
}

/**
 * Replaces `from` by `to` everywhere the instance names people who will act: the current step's holder,
 * signers, unvoted review seat, pending collect part, and the assignments (and the form fields that
 * assigned them), so future steps go to `to`. Votes cast, parts submitted and the trail stay as history.
 */
export function applyReassign(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  event: Incoming,
  actor: Actor,
): ReassignOutcome {
  const from = str(event.data?.from) ?? '';
  const to = str(event.data?.to) ?? '';
  const state = def.states[stateId];
  const visit = ctx.visits[stateId] ?? 0;
  const effects: Effect[] = [];
  const by = actor.userId === 'system' ? null : actor.userId;

  const assignments = Object.fromEntries(
    Object.entries(ctx.assignments).map(([role, ids]) => [role, swap(ids ?? [], from, to)]),
  ) as EngineContext['assignments'];
  const data = { ...ctx.data };
  for (const f of assigneeFields(def))
    if (Array.isArray(data[f]))
      data[f] = swap(
        (data[f] as unknown[]).filter((x): x is string => typeof x === 'string'),
        from,
        to,
      );
  const holders = { ...ctx.holders };
  if (holders[stateId]) holders[stateId] = swapHolder(holders[stateId], from, to)!;
  const afterSigners = { ...ctx.afterSigners };
  const after = afterSigners[stateId];
  if (after)
    afterSigners[stateId] = {
      ...after,
      signers: after.signers.map((s) => (s === from && !after.signed.includes(s) ? to : s)),
    };
  const reviews = { ...ctx.reviews };
  const collections = { ...ctx.collections };
  const readers = ctx.readers.includes(from) ? swap(ctx.readers, from, to) : ctx.readers;
  if (readers !== ctx.readers) effects.push({ type: 'addReaders', userIds: [to] });

  const round = state.kind === 'review' ? ctx.reviews[stateId] : undefined;
  if (round && round.assignees.includes(from) && !round.votes[from]) {
    reviews[stateId] = { ...round, assignees: round.assignees.map((u) => (u === from ? to : u)) };
    effects.push(
      { type: 'closeTask', taskKey: taskKey(stateId, visit, from), outcome: 'REASSIGN', byUserId: by },
      {
        type: 'openTask',
        taskKey: taskKey(stateId, visit, to),
        state: stateId,
        candidates: [{ userId: to }],
        dueAt: round.dueAt,
        purpose: 'review',
      },
    );
  }
  const c = state.kind === 'collect' ? ctx.collections[stateId] : undefined;
  if (c && c.participants.includes(from)) {
    const { [from]: part, ...parts } = c.parts;
    collections[stateId] = {
      ...c,
      participants: c.participants.map((u) => (u === from ? to : u)),
      parts: part ? { ...parts, [to]: part } : parts,
    };
    // A part already submitted is the successor's now (a return reopens it for them); a pending one moves its task.
    if (part?.status !== 'submitted') {
      const returns = part?.returns ?? 0;
      effects.push(
        { type: 'closeTask', taskKey: partTaskKey(stateId, c.visit, from, returns), outcome: 'REASSIGN', byUserId: by },
        {
          type: 'openTask',
          taskKey: partTaskKey(stateId, c.visit, to, returns),
          state: stateId,
          candidates: [{ userId: to }],
          dueAt: c.dueAt,
          purpose: 'act',
        },
      );
    }
  }

  let next: EngineContext = { ...ctx, assignments, data, holders, afterSigners, reviews, collections, readers };
  if (state.kind === 'task') {
    // Still waiting on `from` by name (e.g. a step for the initiator): the step is transferred to `to`.
    if (taskCandidates(def, next, stateId).some((x) => 'userId' in x && x.userId === from)) {
      next = {
        ...next,
        holders: {
          ...next.holders,
          [stateId]: {
            userId: to,
            mode: 'transfer',
            from,
            ...(next.holders[stateId] ? { prev: next.holders[stateId] } : {}),
          },
        },
      };
    }
    const now = taskCandidates(def, next, stateId);
    if (!sameCandidates(taskCandidates(def, ctx, stateId), now))
      effects.push({ type: 'reassignTask', taskKey: taskKey(stateId, visit), candidates: now, reason: 'reassign' });
  }
  if (state.kind === 'collect' && c && c.completions > 0) {
    const before = candidatesFor(state.collectors, ctx);
    const now = candidatesFor(state.collectors, next);
    if (!sameCandidates(before, now))
      effects.push({
        type: 'reassignTask',
        taskKey: collectorTaskKey(stateId, c.visit, c.completions),
        candidates: now,
        reason: 'reassign',
      });
  }
  const { assignments: a, data: d, holders: h, afterSigners: s, reviews: r, collections: col, readers: rd } = next;
  return {
    patch: { assignments: a, data: d, holders: h, afterSigners: s, reviews: r, collections: col, readers: rd },
    effects,
  };
}

/** Why REASSIGN cannot happen now, or null. */
export function explainReassign(
  def: TDefinition,
  ctx: EngineContext,
  stateId: string,
  event: Incoming,
  actor: Actor,
): Refusal | null {
  if (!matchesAny(actor, REASSIGNERS, ctx))
    return refuse(
      'FORBIDDEN',
      t('只有教委管理员可以移交人员的工作', 'Only a bureau administrator may hand over a person’s work'),
    );
  const from = str(event.data?.from);
  const to = str(event.data?.to);
  const fieldErrors: Record<string, TLocalizedText> = {};
  if (!from) fieldErrors.from = t('请选择原办理人', 'Choose the person leaving');
  if (!to) fieldErrors.to = t('请选择接替人', 'Choose the successor');
  else if (to === from) fieldErrors.to = t('接替人不能是原办理人', 'The successor must be someone else');
  if (Object.keys(fieldErrors).length)
    return refuse('VALIDATION', t('请补全办理信息', 'Some details are missing'), fieldErrors);
  const state = def.states[stateId];
  const round = state.kind === 'review' ? ctx.reviews[stateId] : undefined;
  if (round?.assignees.includes(from!) && !round.votes[from!] && round.assignees.includes(to!))
    return refuse('VALIDATION', t('接替人已是本环节审核人', 'The successor already reviews this step'), {
      to: t('此人已是本环节审核人', 'This person already reviews this step'),
    });
  const c = state.kind === 'collect' ? ctx.collections[stateId] : undefined;
  if (c?.participants.includes(from!) && c.participants.includes(to!))
    return refuse('VALIDATION', t('接替人已是本环节填报人', 'The successor already submits a part here'), {
      to: t('此人已是本环节填报人', 'This person already submits a part here'),
    });
  const out = applyReassign(def, ctx, stateId, event, actor);
  const changed =
    out.effects.length > 0 ||
    JSON.stringify(out.patch) !==
      JSON.stringify({
        assignments: ctx.assignments,
        data: ctx.data,
        holders: ctx.holders,
        afterSigners: ctx.afterSigners,
        reviews: ctx.reviews,
        collections: ctx.collections,
        readers: ctx.readers,
      });
  if (!changed)
    return refuse(
      'VALIDATION',
      t('此人在本流程中没有待办或指派', 'This person has no work or assignment in this instance'),
      { from: t('此人在本流程中没有待办或指派', 'Nothing to hand over here') },
    );
  return null;
}
