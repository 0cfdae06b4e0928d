import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';

import { signedIn } from '../../app-env.js';
import { CSRF_COOKIE } from '../../auth/csrf.js';
import { SESSION_COOKIE } from '../../auth/middleware.js';
import {
  clientIp,
  FailureWindow,
  LOGIN_FAILURES_PER_IP,
  LOGIN_FAILURES_PER_IP_HARD,
  LOGIN_FAILURES_PER_USERNAME,
  LOGIN_WINDOW_MS,
  rateLimited,
} from '../../auth/rate-limit.js';
import { SESSION_ABSOLUTE_MS } from '../../auth/sessions.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { body, errors, json, newRouter } from '../common.js';
import { ZChangePasswordBody, ZLoginBody, ZLoginResult, ZMe, ZTotpConfirmBody, ZTotpEnrolment } from './auth.types.js';
import { changePassword, WRONG_CURRENT_PASSWORD } from './change-password.js';
import { getMe } from './get-me.js';
import { loginUser } from './login-user.js';
import { logoutUser } from './logout-user.js';
import { confirmTotp, enrolTotp } from './two-factor.js';

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  request: { body: body(ZLoginBody) },
  responses: { 200: json(ZLoginResult, 'Signed in; sets the session and CSRF cookies'), ...errors(400, 401, 423, 429) },
});

const changePasswordRoute = createRoute({
  method: 'post',
  path: '/auth/change-password',
  tags: ['auth'],
  summary:
    'Change one’s own password (policy: ≥ 8 characters, 3 of 4 character classes, no username or name, not common, not one of the last 5); ends the other sessions. Wrong current passwords are throttled and lock the account like sign-in',
  request: { body: body(ZChangePasswordBody) },
  responses: { 204: { description: 'Changed' }, ...errors(400, 401, 403, 409, 422, 423, 429) },
});

const enrol = createRoute({
  method: 'post',
  path: '/auth/2fa/enrol',
  tags: ['auth'],
  summary:
    'Start two-factor enrolment (bureauAdmin, securityAdmin, auditor — required before anything else for them): a TOTP secret and its otpauth:// URI, shown once',
  responses: { 200: json(ZTotpEnrolment), ...errors(401, 403, 409) },
});

const confirm = createRoute({
  method: 'post',
  path: '/auth/2fa/confirm',
  tags: ['auth'],
  summary: 'Finish enrolment with a code from the app; from then on sign-in needs `otp`',
  request: { body: body(ZTotpConfirmBody) },
  responses: { 204: { description: 'Two-factor on' }, ...errors(400, 401, 409, 422) },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  responses: { 204: { description: 'Signed out' }, ...errors(401, 403) },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  responses: { 200: json(ZMe), ...errors(401) },
});

export function authRoutes(deps: Deps) {
  const cookieBase = { path: '/', sameSite: 'Lax', secure: deps.secureCookies ?? false } as const;
  const byIp = new FailureWindow(deps.db, 'address', LOGIN_FAILURES_PER_IP, LOGIN_WINDOW_MS);
  const byUsername = new FailureWindow(deps.db, 'username', LOGIN_FAILURES_PER_USERNAME, LOGIN_WINDOW_MS);
  const trustProxy = process.env.EDUFLOW_TRUST_PROXY === '1';
  return newRouter()
    .openapi(login, async (c) => {
      const input = c.req.valid('json');
      const now = deps.clock().getTime();
      const ip = clientIp(c, trustProxy);
      const nameKey = input.username.toLowerCase();
      // Checked before argon2 runs, so a flood of guesses costs the server almost nothing. Past the address's
      // soft limit an account with no recent failure may still try (many teachers share one NAT address).
      const clean = !(await byUsername.failedRecently(nameKey, now));
      const wait = Math.max(
        await byIp.retryAfter(ip, now, clean ? LOGIN_FAILURES_PER_IP_HARD : LOGIN_FAILURES_PER_IP),
        await byUsername.retryAfter(nameKey, now),
      );
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw rateLimited(wait);
      }
      const result = await loginUser(deps, input).catch(async (error: unknown) => {
        // Asking for the second factor is not a failed guess.
        if (error instanceof AppError && error.code !== 'TOTP_REQUIRED' && error.status < 500) {
          await byIp.record(ip, now);
          await byUsername.record(nameKey, now);
        }
        throw error;
      });
      const maxAge = SESSION_ABSOLUTE_MS / 1000;
      setCookie(c, SESSION_COOKIE, result.token, { ...cookieBase, httpOnly: true, maxAge });
      setCookie(c, CSRF_COOKIE, result.csrfToken, { ...cookieBase, httpOnly: false, maxAge });
      const { id, username, displayName, locale } = result.user;
      return c.json(
        {
          user: { id, username, displayName, locale },
          mustChangePassword: result.mustChangePassword,
          mustEnrolTwoFactor: result.mustEnrolTwoFactor,
        },
        200,
      );
    })
    .openapi(changePasswordRoute, async (c) => {
      const { user, session } = signedIn(c);
      const now = deps.clock().getTime();
      const ip = clientIp(c, trustProxy);
      const nameKey = user.username.toLowerCase();
      // The same windows as sign-in: guessing the current password from a stolen session is guessing a password.
      const wait = Math.max(await byIp.retryAfter(ip, now), await byUsername.retryAfter(nameKey, now));
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw rateLimited(wait);
      }
      await changePassword(deps, { ...c.req.valid('json'), actor: user, sessionId: session.id }).catch(
        async (error: unknown) => {
          if (error instanceof AppError && (error.rule === WRONG_CURRENT_PASSWORD || error.code === 'ACCOUNT_LOCKED')) {
            await byIp.record(ip, now);
            await byUsername.record(nameKey, now);
          }
          throw error;
        },
      );
      return c.body(null, 204);
    })
    .openapi(enrol, async (c) => {
      const { user } = signedIn(c);
      return c.json(await enrolTotp(deps, { actor: user }), 200);
    })
    .openapi(confirm, async (c) => {
      const { user } = signedIn(c);
      await confirmTotp(deps, { actor: user, code: c.req.valid('json').code });
      return c.body(null, 204);
    })
    .openapi(logout, async (c) => {
      const { user, session } = signedIn(c);
      await logoutUser(deps, { user, sessionId: session.id });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(me, async (c) => {
      const { user, ability, session } = signedIn(c);
      return c.json(await getMe(deps, { user, ability, csrfToken: session.csrfToken }), 200);
    });
}
