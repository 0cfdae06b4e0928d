import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import type { Deps } from '../../deps.js';
import { loadDefinition } from '../definitions/load-definition.js';
import { veilFor } from './blind-review.js';
import { readableInstance } from './get-instance.js';
import { instanceEvents } from './instance-events.js';
import type { THistoryEvent } from './instances.types.js';

/**
 * The instance's trail, oldest first: who moved it, from where to where, with what comment. Refused
 * attempts are left to the auditor's log: readers of an instance need not learn who probed it. What a
 * blind or sealed expert review keeps from this viewer is veiled (blind-review.ts).
 */
export async function getHistory(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; id: string },
): Promise<{ items: THistoryEvent[] }> {
  const row = await readableInstance(deps, input.user, input.ability, input.id);
  const items = await instanceEvents(deps, input.id);
  const def = (await loadDefinition(deps, row.definitionId))?.def;
  if (!def) return { items };
  return { items: (await veilFor(deps, { def, row, user: input.user, ability: input.ability }, items)).history(items) };
}
