import type { Effect } from '../../engine.js';

/**
 * What the automatic steps passed in this move refused, for the event's audit meta: the history (办理记录)
 * lists each rule with its reason under the entry that filed or resubmitted the request.
 */
export function refusalsMeta(effects: Effect[]): Record<string, unknown> {
  const refused = effects.flatMap((e) => (e.type === 'decided' && e.reasons.length ? [e] : []));
  if (refused.length === 0) return {};
  return { refusals: refused.flatMap((e) => e.reasons), refusedAt: refused[refused.length - 1].state };
}
