import type { TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { actionBlocks, type BlockName, type EngineEvent, stepBlocks, type TDefinition } from '../../engine.js';
import type { AppError } from '../../errors.js';
import { BEFORE_DECIDE, type DecideInput } from './blocks/before-decide.js';

export type TPrepared = { event: EngineEvent; note: Record<string, unknown> };

/**
 * Runs the blocks the definition declares on this action (the event out of the instance's current
 * step), in their declared order, before the engine decides: they fill what they compute (experts,
 * scores, the roll-up, the rectification time) or refuse. `note` goes to the event's audit meta.
 */
export function prepareEvent(
  deps: Deps,
  def: TDefinition,
  row: TInstanceRow,
  event: EngineEvent,
  actorId: string,
): TPrepared | AppError {
  const data = { ...(event.data ?? {}) };
  const note: Record<string, unknown> = {};
  const merged = () => ({ ...row.data, ...data });
  // The action's blocks; for a part submitted at a collect step, that step's own blocks.
  const uses = event.type === 'SUBMIT_PART' ? stepBlocks(def, row.state) : actionBlocks(def, row.state, event.type);
  for (const use of uses) {
    const run = BEFORE_DECIDE[use.name] as ((input: DecideInput<BlockName>) => AppError | void) | undefined;
    const refused = run?.({ deps, def, row, data, merged, note, params: use.params, actorId });
    if (refused) return refused;
  }
  return { event: Object.keys(data).length || event.data ? { ...event, data } : event, note };
}
