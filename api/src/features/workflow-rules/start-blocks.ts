import type { Deps } from '../../deps.js';
import { startBlocks, type TDefinition } from '../../engine.js';
import { loadPublished } from '../reference/load-reference.js';

/**
 * The start's prefill blocks: an inspection opened without its items gets the newest published
 * checklist, unanswered (`checklistItems`). Data the starter gives wins.
 */
export async function prefillStart(
  deps: Pick<Deps, 'db'>,
  def: TDefinition,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  let out = data;
  for (const use of startBlocks(def)) {
    if (use.name !== 'checklistItems') continue;
    const field = (use.params as { field: string }).field;
    if (out[field] !== undefined) continue;
    const checklist = (await loadPublished(deps, 'checklist'))?.content;
    if (checklist)
      out = { ...out, [field]: checklist.items.map((i) => ({ code: i.code, layer: i.layer, title: i.title })) };
  }
  return out;
}
