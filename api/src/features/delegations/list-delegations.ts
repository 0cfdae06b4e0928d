import { desc, eq, or } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import { delegations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { delegationViews } from './delegation-view.js';
import type { TDelegation } from './delegations.types.js';

/** Delegations I gave or hold, newest first (a person has a handful: no paging needed). */
export async function listDelegations(deps: Deps, input: { actor: TAuthUser }): Promise<{ items: TDelegation[] }> {
  const rows = await deps.db
    .select()
    .from(delegations)
    .where(or(eq(delegations.fromUserId, input.actor.id), eq(delegations.toUserId, input.actor.id)))
    .orderBy(desc(delegations.createdAt))
    .limit(200);
  return { items: await delegationViews(deps, rows, deps.clock().toISOString()) };
}
