import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { delegations, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { delegationViews } from './delegation-view.js';
import { MAX_DELEGATION_DAYS, type TCreateDelegationBody, type TDelegation } from './delegations.types.js';

const invalid = (field: string, zh: string, en: string) =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { [field]: { 'zh-CN': zh, en } } });

/**
 * A standing delegation of one's own duties (the acting principal while the principal is on leave):
 * for the window, the delegate also holds the delegator's own role grants; every act that needs them
 * is audited with both names (fire-event records `onBehalfOf`).
 */
export async function createDelegation(
  deps: Deps,
  input: TCreateDelegationBody & { actor: TAuthUser },
): Promise<TDelegation> {
  return await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, input.actor, {
      action: 'create',
      type: 'Delegation',
      auditAction: 'delegation.create',
    });
    if (denied) return denied;
    const startsAt = new Date(input.startsAt).toISOString();
    const endsAt = new Date(input.endsAt).toISOString();
    if (input.toUserId === input.actor.id)
      return invalid('toUserId', '不能委托给自己', 'You cannot delegate to yourself');
    const to = (await deps.db.select().from(users).where(eq(users.id, input.toUserId)).limit(1))[0];
    if (!to || to.disabled)
      return invalid('toUserId', '受托人不存在或已停用', 'The delegate does not exist or is disabled');
    if (endsAt <= startsAt) return invalid('endsAt', '结束时间须晚于开始时间', 'The end must come after the start');
    if (Date.parse(endsAt) - Date.parse(startsAt) > MAX_DELEGATION_DAYS * 86_400_000)
      return invalid(
        'endsAt',
        `委托期限不能超过 ${MAX_DELEGATION_DAYS} 天`,
        `A delegation lasts at most ${MAX_DELEGATION_DAYS} days`,
      );
    if (endsAt <= deps.clock().toISOString()) return invalid('endsAt', '委托期限已过', 'This window is already over');
    const row = {
      id: crypto.randomUUID(),
      fromUserId: input.actor.id,
      toUserId: to.id,
      startsAt,
      endsAt,
      reason: input.reason,
      createdAt: deps.clock().toISOString(),
      revokedAt: null,
    };
    await deps.db.insert(delegations).values(row);
    await appendAudit(deps.db, {
      at: row.createdAt,
      actor: input.actor,
      action: 'delegation.create',
      entityType: 'Delegation',
      entityId: row.id,
      outcome: 'success',
      after: row,
    });
    return (await delegationViews(deps, [row], row.createdAt))[0];
  });
}
