import type { AppAbility } from '../../auth/ability.js';
import type { Deps } from '../../deps.js';
import { getDefinition } from './get-definition.js';

/** The definition document as a file to download; importing it back is POST /definitions with its content. */
export async function exportDefinition(
  deps: Deps,
  input: { ability: AppAbility; id: string },
): Promise<{ filename: string; body: string }> {
  const d = await getDefinition(deps, input);
  return { filename: `${d.key}-v${d.version}.json`, body: JSON.stringify(d.definition, null, 2) };
}
