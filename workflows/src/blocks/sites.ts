import type { z } from 'zod';

import type { TBlockRef, TDefinition } from '../definition/schema.js';
import type { BlockSite } from './inputs.js';
import { type BlockName, type BlockParams, BLOCKS, isBlockName } from './registry.js';

/** One block as a definition declares it: where, at which JSON path, with its raw parameters. */
export type DeclaredBlock = { ref: TBlockRef; site: BlockSite; path: string };

/** Every block a definition declares, in document order: the start's, then each step's and its actions'. */
export function declaredBlocks(def: TDefinition): DeclaredBlock[] {
  const out: DeclaredBlock[] = [];
  (def.startBlocks ?? []).forEach((ref, i) => out.push({ ref, site: { at: 'start' }, path: `startBlocks.${i}` }));
  for (const [state, s] of Object.entries(def.states)) {
    (s.blocks ?? []).forEach((ref, i) =>
      out.push({ ref, site: { at: 'step', state }, path: `states.${state}.blocks.${i}` }),
    );
    if (!('on' in s)) continue;
    for (const [event, tr] of Object.entries(s.on))
      (tr.blocks ?? []).forEach((ref, i) =>
        out.push({ ref, site: { at: 'action', state, event }, path: `states.${state}.on.${event}.blocks.${i}` }),
      );
  }
  return out;
}

/** A declared block of a known name with its parameters parsed (defaults applied). */
export type BlockUse<N extends BlockName = BlockName> = {
  name: N;
  params: BlockParams<N>;
  site: BlockSite;
  path: string;
};

/** Parameters with the registry's defaults; null when the name is unknown or they do not parse (definitions are validated before they run). */
export function blockParams<N extends BlockName>(name: N, params: unknown): BlockParams<N> | null {
  const parsed = (BLOCKS[name].params as z.ZodType).safeParse(params ?? {});
  return parsed.success ? (parsed.data as BlockParams<N>) : null;
}

const uses = new WeakMap<TDefinition, BlockUse[]>();

/** Every valid block of the definition, parsed once per definition object. */
export function blockUses(def: TDefinition): BlockUse[] {
  let list = uses.get(def);
  if (!list) {
    list = declaredBlocks(def).flatMap(({ ref, site, path }) => {
      if (!isBlockName(ref.name)) return [];
      const params = blockParams(ref.name, ref.params);
      return params ? [{ name: ref.name, params, site, path } as BlockUse] : [];
    });
    uses.set(def, list);
  }
  return list;
}

/** The uses of one block, typed by its name. */
export function usesOf<N extends BlockName>(def: TDefinition, name: N): Array<BlockUse<N>> {
  return blockUses(def).filter((u): u is BlockUse<N> => u.name === name);
}

/** Whether the definition declares the block anywhere: what families of workflows are known by. */
export const declares = (def: TDefinition, name: BlockName) => blockUses(def).some((u) => u.name === name);

export const startBlocks = (def: TDefinition) => blockUses(def).filter((u) => u.site.at === 'start');

export const stepBlocks = (def: TDefinition, state: string) =>
  blockUses(def).filter((u) => u.site.at === 'step' && u.site.state === state);

/** The blocks of one action: the transition `event` out of `state`. */
export const actionBlocks = (def: TDefinition, state: string, event: string) =>
  blockUses(def).filter((u) => u.site.at === 'action' && u.site.state === state && u.site.event === event);
