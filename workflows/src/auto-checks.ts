import { BLOCKS } from './blocks/registry.js';
import { stepBlocks } from './blocks/sites.js';
import type { TDefinition, TLocalizedText } from './definition/schema.js';
import { GUARDS, isGuardName } from './guards/registry.js';

export type DeclaredRule = { rule: string; label: TLocalizedText };
/** An automatic step and the rules it checks, as the definition declares them. */
export type DeclaredChecks = { state: string; name: TLocalizedText; rules: DeclaredRule[] };

type RuleSource = { provides?: (p: unknown) => string[]; rules?: (p: unknown) => DeclaredRule[] };

/**
 * The rules an automatic step checks: a guard reading a rule set's fact stands for the set's own rules
 * (the 进校园 whitelist checks one by one), any other guard for itself, under its registry label.
 */
export function declaredRules(def: TDefinition, stateId: string): DeclaredRule[] {
  const state = def.states[stateId];
  if (state?.kind !== 'auto') return [];
  const sets = stepBlocks(def, stateId).flatMap((u) => {
    const spec = BLOCKS[u.name] as RuleSource;
    return spec.rules ? [{ facts: spec.provides?.(u.params) ?? [], rules: spec.rules(u.params) }] : [];
  });
  const out = new Map<string, DeclaredRule>();
  for (const g of state.choices.flatMap((c) => c.guards)) {
    const fact = typeof g.params?.fact === 'string' ? g.params.fact : null;
    const set = fact ? sets.find((s) => s.facts.includes(fact)) : undefined;
    const rules = set
      ? set.rules
      : [{ rule: g.name, label: isGuardName(g.name) ? GUARDS[g.name].label : { 'zh-CN': g.name, en: g.name } }];
    for (const r of rules) out.set(r.rule, r);
  }
  return [...out.values()];
}

/**
 * The automatic steps a new instance passes through before anyone acts (the initial one, and the
 * automatic steps its choices lead to), with their rules: what a starter can check in advance (预检).
 */
export function startChecks(def: TDefinition): DeclaredChecks[] {
  const out: DeclaredChecks[] = [];
  const seen = new Set<string>();
  const walk = (id: string) => {
    const s = def.states[id];
    if (seen.has(id) || s?.kind !== 'auto') return;
    seen.add(id);
    const rules = declaredRules(def, id);
    if (rules.length) out.push({ state: id, name: s.name, rules });
    for (const c of s.choices) walk(c.to);
  };
  walk(def.initial);
  return out;
}
