import { and, asc, desc, eq, type SQL } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { rulesToWhere } from '../../auth/ability-sql.js';
import type { TAuthUser } from '../../auth/user.js';
import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { usesOf } from '../../engine.js';
import { filterInTurn } from '../../lib/in-turn.js';
import type { TDefinitionQuery, TDefinitionSummary } from './definitions.types.js';
import { mayStartAny } from './list-start-subjects.js';
import { parsedDefinition, toSummary } from './load-definition.js';

export const DEFINITION_FIELDS = { id: definitions.id, key: definitions.key, status: definitions.status };

/** Definitions are few (tens): one list, newest version first within each key, filtered by CASL in SQL. */
export async function listDefinitions(
  deps: Deps,
  input: { ability: AppAbility; actor: TAuthUser; query: TDefinitionQuery },
): Promise<{ items: TDefinitionSummary[] }> {
  const where: SQL[] = [rulesToWhere(input.ability, 'read', 'Definition', DEFINITION_FIELDS)];
  if (input.query.status) where.push(eq(definitions.status, input.query.status));
  const rows = await deps.db
    .select()
    .from(definitions)
    .where(and(...where))
    .orderBy(asc(definitions.key), desc(definitions.version));
  const block = input.query.block;
  // Drafts cannot run, so a block filter keeps published definitions only (parsed once each, cached).
  const inFamily = block
    ? await filterInTurn(
        rows,
        async (r) => r.status === 'published' && usesOf(await parsedDefinition(deps, r), block).length > 0,
      )
    : rows;
  // The start form offers only what the caller could start (the same checks as POST /instances, per organisation).
  const kept = input.query.startable
    ? await filterInTurn(
        inFamily,
        async (r) =>
          r.status === 'published' &&
          (await mayStartAny(deps, {
            actor: input.actor,
            ability: input.ability,
            def: await parsedDefinition(deps, r),
            definitionId: r.id,
          })),
      )
    : inFamily;
  return { items: kept.map(toSummary) };
}
