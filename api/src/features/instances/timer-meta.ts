import type { Effect, EngineEvent } from '../../engine.js';

/**
 * What a timer did by itself, for the history's 系统 · 到期自动处理 entry: which deadline of which step
 * passed (or is near), and what followed — the assignees reminded or told it is overdue, an escalation
 * task opened for the bureau, a 公示 ended and the instance moved on.
 */
export function timerMeta(event: EngineEvent, dueAt: string | undefined, effects: Effect[]) {
  const told = effects.flatMap((e) => (e.type === 'notify' ? [e.kind] : []));
  return {
    kind: event.timer ?? null,
    state: event.state ?? null,
    dueAt: dueAt ?? null,
    escalated: effects.some((e) => e.type === 'openTask' && e.purpose === 'escalation'),
    notified: [...new Set(told)],
  };
}
