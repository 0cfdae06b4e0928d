import { declaredRules } from './auto-checks.js';
import type { EngineContext } from './context.js';
import type { TDefinition } from './definition/schema.js';
import type { AutoDecision, EngineEnv, RuleReason } from './engine-types.js';
import { guardReasons } from './guards/registry.js';

const reasonKey = (r: RuleReason) => `${r.rule}\u0000${r.schoolId ?? ''}\u0000${r.message['zh-CN']}`;

/**
 * What an automatic step decides on its rules: the first choice whose guards all hold, else `otherwise`
 * with every rule that refused (once each). The same guards the compiled machine tests, so the reasons
 * a requester reads and the way the instance went cannot disagree.
 */
export function autoDecision(
  def: TDefinition,
  context: EngineContext,
  stateId: string,
  env: EngineEnv,
): AutoDecision | null {
  const state = def.states[stateId];
  if (state?.kind !== 'auto') return null;
  const input = { data: context.data, facts: env.facts ?? {}, collections: context.collections };
  const visit = context.visits[stateId] ?? 0;
  const reasons = new Map<string, RuleReason>();
  for (const choice of state.choices) {
    const failed = choice.guards.flatMap((g) => guardReasons(g, input));
    if (failed.length === 0) return { state: stateId, visit, to: choice.to, reasons: [] };
    for (const r of failed) reasons.set(reasonKey(r), r);
  }
  // A rule set's refusals carry their rule's name; the declared label says it in the requester's words.
  const labels = new Map(declaredRules(def, stateId).map((r) => [r.rule, r.label]));
  const labelled = [...reasons.values()].map((r) =>
    r.label || !labels.has(r.rule) ? r : { ...r, label: labels.get(r.rule) },
  );
  return { state: stateId, visit, to: state.otherwise, reasons: labelled };
}
