import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { delegations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { delegationViews } from './delegation-view.js';
import type { TDelegation } from './delegations.types.js';

/** The delegator ends a delegation early (back from leave); revoking twice changes nothing. */
export async function revokeDelegation(deps: Deps, input: { id: string; actor: TAuthUser }): Promise<TDelegation> {
  return await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select().from(delegations).where(eq(delegations.id, input.id)).limit(1))[0];
    if (!row || (row.fromUserId !== input.actor.id && row.toUserId !== input.actor.id))
      return new AppError('NOT_FOUND');
    if (row.fromUserId !== input.actor.id) return new AppError('FORBIDDEN');
    const now = deps.clock().toISOString();
    if (row.revokedAt) return (await delegationViews(deps, [row], now))[0];
    const next = { ...row, revokedAt: now };
    await deps.db.update(delegations).set({ revokedAt: now }).where(eq(delegations.id, row.id));
    await appendAudit(deps.db, {
      at: now,
      actor: input.actor,
      action: 'delegation.revoke',
      entityType: 'Delegation',
      entityId: row.id,
      outcome: 'success',
      before: row,
      after: next,
    });
    return (await delegationViews(deps, [next], now))[0];
  });
}
