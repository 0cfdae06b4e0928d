import { BLOCKS, type TFieldHolds, type TFieldRef } from '../blocks/registry.js';
import { blockUses } from '../blocks/sites.js';
import type { TDefinition } from '../definition/schema.js';
import { actorRules } from '../definition/validate.js';

type RefSource = { refs?: (params: unknown) => TFieldRef[] };

/**
 * What the definition says a form field's values name: the organisations an actor rule lists
 * (`scope: 'listed'`, the schools a campus-entry request targets), and what its blocks read as references
 * (the rule set's and the merge's schools and whitelist item). The console picks a field's control from
 * this, never from the field's name, so a bureau's copy with renamed fields keeps its pickers.
 */
export function fieldRefs(def: TDefinition): Record<string, TFieldHolds> {
  const out: Record<string, TFieldHolds> = {};
  const rules = [...def.starters, ...Object.values(def.states).flatMap((s) => actorRules(s).map((r) => r.rule))];
  for (const rule of rules) if (rule.scope === 'listed' && rule.field) out[rule.field] = 'school';
  for (const use of blockUses(def))
    for (const ref of (BLOCKS[use.name] as RefSource).refs?.(use.params) ?? []) out[ref.field] = ref.holds;
  return out;
}
