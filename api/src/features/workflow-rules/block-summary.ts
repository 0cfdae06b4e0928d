import { blockUses, type TDefinition } from '../../engine.js';

/** The block names a definition declares anywhere: the families it belongs to (e.g. `entryRules`). */
export const workflowBlocks = (def: TDefinition): string[] => [...new Set(blockUses(def).map((u) => u.name))];

/**
 * The blocks on one step and its actions, as `name` or `name:op` for a block with an operation (the
 * findings ledger's `findingsLedger:handIn`): what a home page needs to know what kind of work a task is.
 */
export const stepBlocks = (def: TDefinition, state: string): string[] => [
  ...new Set(
    blockUses(def)
      .filter((u) => u.site.at !== 'start' && u.site.state === state)
      .map((u) => ('op' in u.params ? `${u.name}:${String(u.params.op)}` : u.name)),
  ),
];

/** The definition's blocks with where they sit and their parameters, for the console (which screens to offer, which fields a block names). */
export const declaredBlocksView = (def: TDefinition) =>
  blockUses(def).map((u) => ({
    name: u.name,
    at: u.site.at,
    ...(u.site.at === 'start' ? {} : { state: u.site.state }),
    ...(u.site.at === 'action' ? { event: u.site.event } : {}),
    params: u.params as Record<string, unknown>,
  }));
