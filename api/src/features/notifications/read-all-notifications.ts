import { and, eq, isNull } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { changesOf, txOrThrow } from '../../db/client.js';
import { notifications } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TReadAllResult } from './notifications.types.js';

/**
 * Marks every unread notification of the caller read. The WHERE on user_id is the whole permission
 * (ability.ts lets a user update only their own Notification), so nobody else's row can be touched.
 * One audit event for the batch, naming how many, rather than one per row: it is one act of the user.
 */
export async function readAllNotifications(deps: Deps, input: { actor: TAuthUser }): Promise<TReadAllResult> {
  return await txOrThrow(deps.db, async () => {
    const at = deps.clock().toISOString();
    const mine = and(eq(notifications.userId, input.actor.id), isNull(notifications.readAt));
    const marked = changesOf(await deps.db.update(notifications).set({ readAt: at }).where(mine));
    if (marked > 0) {
      await appendAudit(deps.db, {
        at,
        actor: input.actor,
        action: 'notification.read-all',
        entityType: 'Notification',
        entityId: input.actor.id,
        outcome: 'success',
        meta: { marked },
      });
    }
    return { marked };
  });
}
