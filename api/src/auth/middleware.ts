import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';

import type { AppEnv } from '../app-env.js';
import { appendAuditAlone } from '../audit/append.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { defineAbilityFor } from './ability.js';
import { CSRF_COOKIE, CSRF_HEADER, csrfOk, foreignOrigin, isWrite, needsCsrf } from './csrf.js';
import { resolveSession } from './sessions.js';
import { loadAuthUser } from './user.js';

export const SESSION_COOKIE = 'eduflow_session';

/** Session cookie → c.var.user (with role grants) and c.var.ability; then the CSRF check for writes. */
export function sessionMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('ability', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      // No transaction: reads, plus at most one single-statement touch or delete, need no write lock.
      const session = await resolveSession(deps, token);
      const user = session ? await loadAuthUser(deps, session.userId) : null;
      if (session && user) {
        c.set('session', session);
        c.set('user', user);
        c.set('ability', defineAbilityFor(user));
      }
    }
    // Every write and the sign-in: a request another site's page made is refused, token or not.
    if (isWrite(c.req.method)) {
      const foreign = foreignOrigin(
        {
          origin: c.req.header('origin'),
          secFetchSite: c.req.header('sec-fetch-site'),
          host: c.req.header('host'),
          forwardedHost: c.req.header('x-forwarded-host'),
        },
        process.env.EDUFLOW_TRUST_PROXY === '1',
      );
      if (foreign) {
        await appendAuditAlone(deps.db, {
          at: deps.clock().toISOString(),
          actor: c.get('user'),
          action: 'auth.origin',
          entityType: 'Session',
          entityId: null,
          outcome: 'denied',
          meta: { method: c.req.method, path: c.req.path, origin: foreign },
        });
        throw new AppError('CSRF_FAILED', {
          message: {
            'zh-CN': '请求来自其他网站，已拒绝。请在本系统页面中操作。',
            en: 'The request came from another site and was refused; use this console’s own pages.',
          },
        });
      }
    }
    if (needsCsrf(c.req.method, c.req.path)) {
      const session = c.get('session');
      const user = c.get('user');
      if (!session || !user) throw new AppError('UNAUTHENTICATED');
      if (!csrfOk(c.req.header(CSRF_HEADER), getCookie(c, CSRF_COOKIE), session.csrfToken)) {
        await appendAuditAlone(deps.db, {
          at: deps.clock().toISOString(),
          actor: user,
          action: 'auth.csrf',
          entityType: 'Session',
          entityId: null,
          outcome: 'denied',
          meta: { method: c.req.method, path: c.req.path },
        });
        throw new AppError('CSRF_FAILED');
      }
    }
    await next();
  };
}
