import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { afterFailure, lockedError, lockedUntil } from '../../auth/login.js';
import { dummyHash, verifyPassword } from '../../auth/password.js';
import { passwordExpired } from '../../auth/password-expiry.js';
import { createSession } from '../../auth/sessions.js';
import { totpStep } from '../../auth/totp.js';
import { mustEnrolTwoFactor } from '../../auth/two-factor-gate.js';
import { loadAuthUser, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { lockingRows } from '../../db/take-turns.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { TLoginBody } from './auth.types.js';

export type TLoginResult = {
  user: TAuthUser;
  token: string;
  csrfToken: string;
  mustChangePassword: boolean;
  mustEnrolTwoFactor: boolean;
};

/**
 * Signs a user in. Five consecutive wrong passwords (or authenticator codes) lock the account for 15
 * minutes, during which even the right password is refused (423, with lockedUntil). Accounts with
 * two-factor enabled also need the current TOTP code. Every refusal is audited; unknown usernames
 * cost the same time. A password older than EDUFLOW_PASSWORD_MAX_AGE_DAYS must be changed first.
 */
export async function loginUser(deps: Deps, input: TLoginBody): Promise<TLoginResult> {
  // In the transaction the row is locked (take-turns.ts): sign-ins of one account on two nodes count their
  // failures one after the other, and one authenticator code is accepted once.
  const byName = async () =>
    (await lockingRows(deps.db, deps.db.select().from(users).where(eq(users.username, input.username)).limit(1)))[0];
  const before = await byName();
  const lockedAtStart = before ? lockedUntil(before, deps.clock()) : null;
  // Verify outside the transaction: argon2 is slow on purpose and must not hold the write lock.
  const passwordOk =
    before && !before.disabled && !lockedAtStart
      ? await verifyPassword(before.passwordHash, input.password)
      : (await verifyPassword(await dummyHash(), input.password), false);

  return await txOrThrow(deps.db, async () => {
    const now = deps.clock();
    const at = now.toISOString();
    const row = await byName();
    const deny = async (reason: string, error: AppError, userId: string | null) => {
      await appendAudit(deps.db, {
        at,
        actor: row ? { id: row.id, displayName: row.displayName } : null,
        action: 'auth.login',
        entityType: 'User',
        entityId: userId,
        outcome: 'denied',
        meta: { username: input.username, reason },
      });
      return error;
    };
    if (!row || row.disabled) {
      return await deny(row ? 'disabled' : 'unknown-user', new AppError('INVALID_CREDENTIALS'), row?.id ?? null);
    }
    const locked = lockedUntil(row, now);
    if (locked) return await deny('locked', lockedError(locked), row.id);
    if (passwordOk && row.totpEnabledAt && row.totpSecret && !input.otp) {
      // The password was right; the second factor is asked for, not counted as a failure.
      return await deny('totp-required', new AppError('TOTP_REQUIRED'), row.id);
    }
    const step = row.totpEnabledAt && row.totpSecret ? totpStep(row.totpSecret, input.otp ?? '', now) : null;
    // A code already used (or an older one) is refused: someone who saw it must not sign in with it.
    const otpOk = !row.totpEnabledAt || !row.totpSecret || (step !== null && step > (row.totpLastStep ?? -1));
    if (!passwordOk || !otpOk) {
      const next = afterFailure(row, now);
      await deps.db
        .update(users)
        .set({ failedLogins: next.failedLogins, lockedUntil: next.lockedUntil })
        .where(eq(users.id, row.id));
      if (next.lockedUntil) {
        const until = new Date(next.lockedUntil);
        return await deny(passwordOk ? 'wrong-totp-locked' : 'wrong-password-locked', lockedError(until), row.id);
      }
      return passwordOk
        ? await deny('wrong-totp', new AppError('TOTP_INVALID'), row.id)
        : await deny('wrong-password', new AppError('INVALID_CREDENTIALS'), row.id);
    }
    // Past EDUFLOW_PASSWORD_MAX_AGE_DAYS the account is sent down the initial-password path: change it first.
    const expired = !row.mustChangePassword && passwordExpired(row, deps.passwordMaxAgeDays, now);
    await deps.db
      .update(users)
      .set({
        failedLogins: 0,
        lockedUntil: null,
        ...(step !== null ? { totpLastStep: step } : {}),
        ...(expired ? { mustChangePassword: true } : {}),
      })
      .where(eq(users.id, row.id));
    const user = await loadAuthUser(deps, row.id);
    if (!user) return await deny('disabled', new AppError('INVALID_CREDENTIALS'), row.id);
    const { token, session } = await createSession(deps, row.id);
    await appendAudit(deps.db, {
      at,
      actor: user,
      action: 'auth.login',
      entityType: 'User',
      entityId: row.id,
      outcome: 'success',
      ...(expired ? { meta: { passwordExpired: true } } : {}),
    });
    return {
      user,
      token,
      csrfToken: session.csrfToken,
      mustChangePassword: row.mustChangePassword || expired,
      mustEnrolTwoFactor: mustEnrolTwoFactor(user, row),
    };
  });
}
