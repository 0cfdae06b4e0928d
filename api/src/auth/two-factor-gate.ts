import { eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from '../app-env.js';
import { users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { holdsPower } from './separation-of-duties.js';
import type { TAuthUser } from './user.js';

/** What a privileged account without two-factor may still do: enrol, see who it is, change a first password, leave. */
const OPEN = new Set([
  '/api/me',
  '/api/auth/logout',
  '/api/auth/login',
  '/api/auth/change-password',
  '/api/auth/2fa/enrol',
  '/api/auth/2fa/confirm',
  '/api/health',
]);

/** 等保 2.0: the three powers (system admin, security admin, auditor) authenticate with two factors, from their first sign-in. */
export const mustEnrolTwoFactor = (
  user: Pick<TAuthUser, 'roles'>,
  account: { totpEnabledAt: string | null } | undefined,
): boolean => holdsPower(user.roles) && !account?.totpEnabledAt;

/**
 * Until a privileged account has confirmed an authenticator, every other API call is 403
 * TOTP_ENROLMENT_REQUIRED — the console shows the enrolment page. Runs after the password gate: an
 * initial password is changed first, then the authenticator is set up.
 */
export function twoFactorGate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (user && holdsPower(user.roles) && !OPEN.has(c.req.path)) {
      const row = (
        await deps.db.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id)).limit(1)
      )[0];
      if (mustEnrolTwoFactor(user, row)) throw new AppError('TOTP_ENROLMENT_REQUIRED');
    }
    await next();
  };
}
