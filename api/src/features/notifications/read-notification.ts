import { subject } from '@casl/ability';
import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { notifications } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';

/** Marks one of the caller's notifications read; someone else's reads as absent (404). Reading twice is a no-op. */
export async function readNotification(deps: Deps, input: { id: string; actor: TAuthUser }): Promise<void> {
  await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select().from(notifications).where(eq(notifications.id, input.id)).limit(1))[0];
    if (!row) return new AppError('NOT_FOUND');
    const denied = await authorize(deps, input.actor, {
      action: 'update',
      type: 'Notification',
      target: subject('Notification', { id: row.id, userId: row.userId }),
      entityId: row.id,
      auditAction: 'notification.read',
      hideUnreadable: true,
    });
    if (denied) return denied;
    if (row.readAt) return undefined;
    const at = deps.clock().toISOString();
    await deps.db.update(notifications).set({ readAt: at }).where(eq(notifications.id, row.id));
    await appendAudit(deps.db, {
      at,
      actor: input.actor,
      action: 'notification.read',
      entityType: 'Notification',
      entityId: row.id,
      outcome: 'success',
    });
    return undefined;
  });
}
