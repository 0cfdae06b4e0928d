import type { TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  actionBlocks,
  type BlockName,
  describeSnapshot,
  type EngineEvent,
  stepBlocks,
  type TDefinition,
  withSums,
} from '../../engine.js';
import type { AppError } from '../../errors.js';
import { BEFORE_DECIDE, type DecideInput } from './blocks/before-decide.js';

export type TPrepared = { event: EngineEvent; note: Record<string, unknown> };

/**
 * Runs the blocks the definition declares on this action (the event out of the instance's current
 * step), in their declared order, before the engine decides: they fill what they compute (experts,
 * scores, the roll-up, the rectification time) or refuse. `note` goes to the event's audit meta.
 */
export async function prepareEvent(
  deps: Deps,
  def: TDefinition,
  row: TInstanceRow,
  event: EngineEvent,
  actorId: string,
): Promise<TPrepared | AppError> {
  // A total given by its criteria (a rubric's) is added up here; a part sums against its own earlier data.
  const part = event.type === 'SUBMIT_PART' ? ownPart(def, row, actorId) : null;
  const data = withSums(def, row.state, { ...(event.data ?? {}) }, part ?? row.data);
  const note: Record<string, unknown> = {};
  const merged = () => ({ ...row.data, ...data });
  // The action's blocks; for a part submitted at a collect step, that step's own blocks.
  const uses = event.type === 'SUBMIT_PART' ? stepBlocks(def, row.state) : actionBlocks(def, row.state, event.type);
  for (const use of uses) {
    const run = BEFORE_DECIDE[use.name] as ((input: DecideInput<BlockName>) => Promise<AppError | void>) | undefined;
    const refused = await run?.({
      deps,
      def,
      row,
      data,
      merged,
      note,
      params: use.params,
      actorId,
      comment: event.comment,
    });
    if (refused) return refused;
  }
  return { event: Object.keys(data).length || event.data ? { ...event, data } : event, note };
}

/** What this participant already put in their part of the current collect step (a saved draft, a returned part). */
function ownPart(def: TDefinition, row: TInstanceRow, userId: string): Record<string, unknown> {
  return describeSnapshot(def, row.snapshot).collections[row.state]?.parts[userId]?.data ?? {};
}
