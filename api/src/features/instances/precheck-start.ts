import type { TAuthUser } from '../../auth/user.js';
import type { Deps } from '../../deps.js';
import type { TPrecheckResult, TStartInstanceBody } from './instances.types.js';
import { planStart } from './start-instance.js';

/**
 * 预检: the start's own checks — who may start what, the start form, the definition's automatic rules
 * (the whitelist's lead time, window, caps …) — run without filing anything. Whatever would refuse the
 * start itself refuses here the same way (403, 422); what the automatic rules would refuse is the answer.
 * Nothing is written, so nothing is audited: it is a question, not an act.
 */
export async function precheckStart(
  deps: Deps,
  input: TStartInstanceBody & { actor: TAuthUser },
): Promise<TPrecheckResult> {
  const plan = await planStart(deps, input);
  if ('refused' in plan) throw plan.refused;
  const { def, result } = plan;
  const reasons = result.effects.flatMap((e) => (e.type === 'decided' ? e.reasons : []));
  const checked = result.effects.flatMap((e) => (e.type === 'decided' ? [e.state] : []));
  const name = (id: string) => def.states[id]?.name ?? { 'zh-CN': id, en: id };
  return {
    passes: reasons.length === 0,
    reasons,
    checked: checked.map((state) => ({ state, name: name(state) })),
    next: { state: result.state, name: name(result.state) },
  };
}
