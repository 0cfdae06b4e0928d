import { notifications } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TLocalized } from '../../errors.js';
import { recipientsOf } from './store-notifications.js';

/**
 * 三权分立: the auditors hear of every change to an account's powers (and of every refused try) as it
 * happens, not only when they next read the log. Inside the caller's transaction, beside its audit event.
 */
export async function notifyAuditors(
  deps: Deps,
  input: { title: TLocalized; entityType: string; entityId: string },
): Promise<void> {
  const recipients = await recipientsOf(deps, [{ role: 'auditor', orgId: null }]);
  if (recipients.length === 0) return;
  const createdAt = deps.clock().toISOString();
  await deps.db.insert(notifications).values(
    recipients.map((userId) => ({
      id: crypto.randomUUID(),
      userId,
      kind: 'security' as const,
      instanceId: null,
      state: null,
      title: input.title,
      entityType: input.entityType,
      entityId: input.entityId,
      createdAt,
      readAt: null,
    })),
  );
}
