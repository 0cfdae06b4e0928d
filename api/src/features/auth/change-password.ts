import { and, eq, ne } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { afterFailure, lockedError, lockedUntil } from '../../auth/login.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { recentHashes, recentPasswordRefusal, rememberPreviousPassword } from '../../auth/password-history.js';
import { passwordRefusal, passwordRefusalError } from '../../auth/password-policy.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';
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
  const row = deps.db.select().from(users).where(eq(users.id, input.actor.id)).get();
  if (!row) throw new AppError('UNAUTHENTICATED');
  const deny = (reason: string, error: AppError) => {
    appendAudit(deps.db, {
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
  if (lockedAtStart) return deniedNow('locked', lockedError(lockedAtStart));
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    return txOrThrow(deps.db, () => {
      const now = deps.clock();
      const fresh = deps.db.select().from(users).where(eq(users.id, row.id)).get() ?? row;
      const next = afterFailure(fresh, now);
      deps.db
        .update(users)
        .set({ failedLogins: next.failedLogins, lockedUntil: next.lockedUntil })
        .where(eq(users.id, row.id))
        .run();
      if (next.lockedUntil) return deny('wrong-current-password-locked', lockedError(new Date(next.lockedUntil)));
      return deny(
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
    return deniedNow('password.history', passwordRefusalError('newPassword', { rule: 'history', message }));
  }
  const refusal =
    passwordRefusal(input.newPassword, { username: row.username, displayName: row.displayName }) ??
    (await recentPasswordRefusal(recentHashes(deps.db, row.id, row.passwordHash), input.newPassword));
  if (refusal) return deniedNow(`password.${refusal.rule}`, passwordRefusalError('newPassword', refusal));

  const passwordHash = await hashPassword(input.newPassword);
  txOrThrow(deps.db, () => {
    const at = deps.clock().toISOString();
    const changed = deps.db
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: at,
        failedLogins: 0,
        lockedUntil: null,
        version: row.version + 1,
      })
      .where(and(eq(users.id, row.id), eq(users.version, row.version)))
      .run();
    // Changed meanwhile (another change, an admin reset): the history just checked is stale.
    if (changed.changes === 0) return new AppError('VERSION_CONFLICT');
    rememberPreviousPassword(deps.db, row.id, row.passwordHash, at);
    deps.db
      .delete(sessions)
      .where(and(eq(sessions.userId, row.id), ne(sessions.id, input.sessionId)))
      .run();
    appendAudit(deps.db, {
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
