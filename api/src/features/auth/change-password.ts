import { and, eq, ne } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { afterFailure, lockedError, lockedUntil } from '../../auth/login.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { recentHashes, recentPasswordRefusal, rememberPreviousPassword } from '../../auth/password-history.js';
import { passwordRefusal, passwordRefusalError } from '../../auth/password-policy.js';
import type { TAuthUser } from '../../auth/user.js';
import { changesOf, txOrThrow } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';
import { lockingRows } from '../../db/take-turns.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { TChangePasswordBody } from './auth.types.js';

/** Marks the refusals that count as a failed guess, for the route's throttle. */
export const WRONG_CURRENT_PASSWORD = 'password.current';

/**
 * The user changes their own password: the current one proves it is them, the new one must meet the
 * policy (auth/password-policy.ts) and not repeat the last five. A wrong current password counts like a
 * failed sign-in: the fifth in a row locks the account (423). Clears "must change", and signs out every
 * other session of this user (a password change is what someone does when they suspect their account
 * is used elsewhere). Every refusal and the change are audited; a refusal writes nothing else.
 */
export async function changePassword(
  deps: Deps,
  input: TChangePasswordBody & { actor: TAuthUser; sessionId: string },
): Promise<void> {
  const row = (await deps.db.select().from(users).where(eq(users.id, input.actor.id)).limit(1))[0];
  if (!row) throw new AppError('UNAUTHENTICATED');
  const deny = async (reason: string, error: AppError) => {
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.actor,
      action: 'user.changePassword',
      entityType: 'User',
      entityId: row.id,
      outcome: 'denied',
      meta: { reason },
    });
    return error;
  };
  const deniedNow = (reason: string, error: AppError) => txOrThrow(deps.db, () => deny(reason, error));

  const lockedAtStart = lockedUntil(row, deps.clock());
  if (lockedAtStart) return await deniedNow('locked', lockedError(lockedAtStart));
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    return await txOrThrow(deps.db, async () => {
      const now = deps.clock();
      const fresh =
        (await lockingRows(deps.db, deps.db.select().from(users).where(eq(users.id, row.id)).limit(1)))[0] ?? row;
      const next = afterFailure(fresh, now);
      await deps.db
        .update(users)
        .set({ failedLogins: next.failedLogins, lockedUntil: next.lockedUntil })
        .where(eq(users.id, row.id));
      if (next.lockedUntil) return await deny('wrong-current-password-locked', lockedError(new Date(next.lockedUntil)));
      return await deny(
        'wrong-current-password',
        new AppError('VALIDATION', {
          status: 422,
          rule: WRONG_CURRENT_PASSWORD,
          fieldErrors: { currentPassword: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' } },
        }),
      );
    });
  }
  if (input.newPassword === input.currentPassword) {
    const message = { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' };
    return await deniedNow('password.history', passwordRefusalError('newPassword', { rule: 'history', message }));
  }
  const refusal =
    passwordRefusal(input.newPassword, { username: row.username, displayName: row.displayName }) ??
    (await recentPasswordRefusal(await recentHashes(deps.db, row.id, row.passwordHash), input.newPassword));
  if (refusal) return await deniedNow(`password.${refusal.rule}`, passwordRefusalError('newPassword', refusal));

  const passwordHash = await hashPassword(input.newPassword);
  await txOrThrow(deps.db, async () => {
    const at = deps.clock().toISOString();
    const changed = await deps.db
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: at,
        failedLogins: 0,
        lockedUntil: null,
        version: row.version + 1,
      })
      .where(and(eq(users.id, row.id), eq(users.version, row.version)));
    // Changed meanwhile (another change, an admin reset): the history just checked is stale.
    if (changesOf(changed) === 0) return new AppError('VERSION_CONFLICT');
    await rememberPreviousPassword(deps.db, row.id, row.passwordHash, at);
    await deps.db.delete(sessions).where(and(eq(sessions.userId, row.id), ne(sessions.id, input.sessionId)));
    await appendAudit(deps.db, {
      at,
      actor: input.actor,
      action: 'user.changePassword',
      entityType: 'User',
      entityId: row.id,
      outcome: 'success',
    });
    return undefined;
  });
}
