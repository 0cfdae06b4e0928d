import { inArray } from 'drizzle-orm';

import { type TDelegationRow, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TDelegation } from './delegations.types.js';

/** Rows with both people's names, and whether each is in force at `now`. */
export async function delegationViews(
  deps: Pick<Deps, 'db'>,
  rows: TDelegationRow[],
  now: string,
): Promise<TDelegation[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.fromUserId, r.toUserId]))];
  const names = new Map(
    ids.length
      ? (
          await deps.db
            .select({ id: users.id, displayName: users.displayName })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((u) => [u.id, u.displayName])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    from: { id: r.fromUserId, displayName: names.get(r.fromUserId) ?? '' },
    to: { id: r.toUserId, displayName: names.get(r.toUserId) ?? '' },
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    reason: r.reason,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
    active: !r.revokedAt && r.startsAt <= now && now < r.endsAt,
  }));
}
