import { eq } from 'drizzle-orm';

import { cachedByGeneration } from '../../db/generation-cache.js';
import { organisations, type TOrganisationRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

/** The chain from the district down to the organisation (inclusive); empty when it does not exist. */
export async function orgPath(deps: Pick<Deps, 'db'>, orgId: string): Promise<TOrganisationRow[]> {
  // Read per event and per view several times over: kept until an organisation changes.
  return [...(await cachedByGeneration(deps.db, 'organisations', orgId, () => readPath(deps, orgId)))];
}

async function readPath(deps: Pick<Deps, 'db'>, orgId: string): Promise<readonly TOrganisationRow[]> {
  const chain: TOrganisationRow[] = [];
  let id: string | null = orgId;
  // The tree is four levels deep; the bound only guards against a corrupted cycle.
  for (let i = 0; id && i < 16; i += 1) {
    const row: TOrganisationRow | undefined = (
      await deps.db.select().from(organisations).where(eq(organisations.id, id)).limit(1)
    )[0];
    if (!row) break;
    chain.unshift(row);
    id = row.parentId;
  }
  return chain;
}
