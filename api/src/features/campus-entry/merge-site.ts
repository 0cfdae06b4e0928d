import type { Deps } from '../../deps.js';
import { type BlockParams, type TDefinition, usesOf } from '../../engine.js';
import { loadDefinition } from '../definitions/load-definition.js';

/** Where a definition lets the bureau merge requests: the step and action its `mergeRequests` block sits on. */
export type MergeSite = { state: string; event: string; params: BlockParams<'mergeRequests'> };

export function mergeSiteOf(def: TDefinition): MergeSite | null {
  const use = usesOf(def, 'mergeRequests')[0];
  return use && use.site.at === 'action' ? { state: use.site.state, event: use.site.event, params: use.params } : null;
}

/** The merge site of an instance's definition, by definition id (cached parse). */
export async function mergeSiteFor(deps: Pick<Deps, 'db'>, definitionId: string): Promise<MergeSite | null> {
  const loaded = await loadDefinition(deps, definitionId);
  return loaded ? mergeSiteOf(loaded.def) : null;
}
