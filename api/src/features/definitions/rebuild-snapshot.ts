import { start, type EngineContext, type EngineEnv, type Effect, type PersistedSnapshot, type Subject, type TDefinition } from '../../engine.js';
import type { TLocalized } from '../../errors.js';

export type TRebuilt =
  | { ok: true; snapshot: PersistedSnapshot; state: string; status: 'running' | 'completed'; outcome: string | null; effects: Effect[] }
  | { ok: false; code: string; message: TLocalized };

// The engine offers no "enter this state with this context", so the state is entered the only pure way it
// can be: as the initial state of a copy of the new definition (see docs/decisions/0007-instance-migration.md).
const MIGRATOR_ROLE = 'bureauAdmin' as const;

/**
 * The snapshot an instance has after moving to `target` of the new definition: its data, assignments,
 * initiator, readers and visit counts carried over; the target's round, tasks and timers opened afresh.
 * Task and timer keys continue the old visit count, so they never collide with the instance's past ones.
 */
export function rebuildSnapshot(def: TDefinition, old: PersistedSnapshot, target: string, subject: Subject, env: EngineEnv): TRebuilt {
  const ctx = old.context as EngineContext;
  // The start form was filled long ago: its fields stay known (data is still type-checked) but none is demanded again.
  const startForm = def.startForm && { ...def.startForm, fields: def.startForm.fields.map((f) => ({ ...f, required: false })) };
  const entryDef: TDefinition = { ...def, initial: target, startForm, starters: [{ role: MIGRATOR_ROLE, scope: 'any' }] };
  const initiator = { userId: ctx.initiatorId, roles: [{ role: MIGRATOR_ROLE, orgId: subject.path[0] ?? subject.orgId }] };
  const entered = start(entryDef, { subject, initiator, data: ctx.data, assignments: ctx.assignments }, env);
  const s = def.states[target];
  const nobody: TRebuilt = {
    ok: false,
    code: 'NO_PEOPLE',
    message: { 'zh-CN': `目标环节「${s.name['zh-CN']}」没有可办理的人员`, en: `Nobody can act in the target step "${s.name.en}"` },
  };
  if (!entered.ok && entered.rule === 'reviewersAvailable') return nobody;
  if (!entered.ok) {
    const fields = Object.entries(entered.fieldErrors ?? {});
    const detail = (lang: 'zh-CN' | 'en') => (fields.length ? `${lang === 'en' ? ': ' : '：'}${fields.map(([f, m]) => `${f} ${m[lang]}`).join('; ')}` : '');
    return { ok: false, code: entered.code, message: { 'zh-CN': entered.message['zh-CN'] + detail('zh-CN'), en: entered.message.en + detail('en') } };
  }
  const next = entered.snapshot.context as EngineContext;
  const people = s.kind === 'review' ? next.reviews[target]?.assignees : s.kind === 'collect' ? next.collections[target]?.participants : null;
  if (people && people.length === 0) return nobody;

  const known = <T,>(m: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(m).filter(([id]) => def.states[id]));
  const visits: Record<string, number> = { ...known(ctx.visits), ...Object.fromEntries(Object.entries(next.visits).map(([id, n]) => [id, (ctx.visits[id] ?? 0) + n])) };
  // Each state entered here (the target, and what an auto target passed on to) was entered once, as visit 1.
  const renumber = (key: string) => {
    const id = key.slice(0, key.indexOf(':'));
    return next.visits[id] === 1 && (key === `${id}:1` || key.startsWith(`${id}:1:`)) ? `${id}:${visits[id]}${key.slice(id.length + 2)}` : key;
  };
  const reviews = { ...known(ctx.reviews), ...Object.fromEntries(Object.entries(next.reviews).map(([id, r]) => [id, { ...r, visit: visits[id] }])) };
  const collections = { ...known(ctx.collections), ...Object.fromEntries(Object.entries(next.collections).map(([id, c]) => [id, { ...c, visit: visits[id] }])) };
  const context: EngineContext = { ...next, visits, reviews, collections, trail: [...ctx.trail, ...next.trail], readers: ctx.readers };
  const effects = entered.effects.map((e): Effect => {
    if (e.type === 'openTask' || e.type === 'closeTask' || e.type === 'reassignTask') return { ...e, taskKey: renumber(e.taskKey) };
    if (e.type === 'cancelTimer') return { ...e, timerKey: renumber(e.timerKey) };
    if (e.type === 'scheduleTimer') return { ...e, timerKey: renumber(e.timerKey), event: { ...e.event, visit: visits[e.event.state] ?? e.event.visit } };
    return e;
  });
  return { ok: true, snapshot: { ...entered.snapshot, context }, state: entered.state, status: entered.status, outcome: entered.outcome, effects };
}
