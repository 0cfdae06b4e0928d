import type { Deps } from '../../deps.js';
import { startBlocks, type TDefinition, usesOf } from '../../engine.js';
import { loadPublished } from '../reference/load-reference.js';

/**
 * The start's prefill blocks: an inspection opened without its items gets the newest published
 * checklist, unanswered (`checklistItems`). Data the starter gives wins.
 */
export function prefillStart(
  deps: Pick<Deps, 'db'>,
  def: TDefinition,
  data: Record<string, unknown>,
): Record<string, unknown> {
  let out = data;
  for (const use of startBlocks(def)) {
    if (use.name !== 'checklistItems') continue;
    const field = (use.params as { field: string }).field;
    if (out[field] !== undefined) continue;
    const checklist = loadPublished(deps, 'checklist')?.content;
    if (checklist)
      out = { ...out, [field]: checklist.items.map((i) => ({ code: i.code, layer: i.layer, title: i.title })) };
  }
  return out;
}

/** The refusals of the definition's rule sets among the facts, kept in the start's audit so the history lists each rule. */
export function refusalsIn(def: TDefinition, facts: Record<string, unknown>): unknown[] {
  return usesOf(def, 'entryRules').flatMap((u) =>
    Array.isArray(facts[u.params.fact]) ? (facts[u.params.fact] as unknown[]) : [],
  );
}
