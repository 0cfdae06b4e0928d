import { and, asc, eq, type SQL } from 'drizzle-orm';

import { organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TOrg, TOrgQuery } from './orgs.types.js';

/** The org tree is small (a district has ~100 units): one unpaginated list, filtered by type and parent. */
export async function listOrgs(deps: Deps, query: TOrgQuery): Promise<{ items: TOrg[] }> {
  const where: SQL[] = [];
  if (query.type) where.push(eq(organisations.type, query.type));
  if (query.parentId) where.push(eq(organisations.parentId, query.parentId));
  const items = await deps.db
    .select()
    .from(organisations)
    .where(and(...where))
    .orderBy(asc(organisations.type), asc(organisations.code), asc(organisations.name));
  return { items };
}
