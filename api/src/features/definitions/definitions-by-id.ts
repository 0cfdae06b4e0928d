import { inArray } from 'drizzle-orm';

import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TDefinition } from '../../engine.js';
import { mapInTurn } from '../../lib/in-turn.js';
import { parsedDefinition } from './load-definition.js';

export type TDefinitionRef = { key: string; version: number; name: { 'zh-CN': string; en: string }; def: TDefinition };

/**
 * The definitions a page of list rows refers to, loaded once per page: joining them per row made SQLite
 * hand back (and drizzle JSON-parse) the whole definition body fifty times.
 */
export async function definitionsById(deps: Pick<Deps, 'db'>, ids: string[]): Promise<Map<string, TDefinitionRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await deps.db.select().from(definitions).where(inArray(definitions.id, unique));
  return new Map(
    await mapInTurn(rows, async (d) => [
      d.id,
      {
        key: d.key,
        version: d.version,
        name: { 'zh-CN': d.nameZh, en: d.nameEn },
        def: await parsedDefinition(deps, d),
      },
    ]),
  );
}

export const stateName = (ref: TDefinitionRef | undefined, state: string) =>
  ref?.def.states[state]?.name ?? { 'zh-CN': state, en: state };
