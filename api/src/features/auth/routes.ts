import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { signedIn } from '../../app-env.js';
import { CSRF_COOKIE } from '../../auth/csrf.js';
import { SESSION_COOKIE } from '../../auth/middleware.js';
import { SESSION_ABSOLUTE_MS } from '../../auth/sessions.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter } from '../common.js';
import { ZLoginBody, ZLoginResult, ZMe } from './auth.types.js';
import { getMe } from './get-me.js';
import { loginUser } from './login-user.js';
import { logoutUser } from './logout-user.js';

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  request: { body: body(ZLoginBody) },
  responses: { 200: json(ZLoginResult, 'Signed in; sets the session and CSRF cookies'), ...errors(400, 401, 423) },
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
  return newRouter()
    .openapi(login, async (c) => {
      const result = await loginUser(deps, c.req.valid('json'));
      const maxAge = SESSION_ABSOLUTE_MS / 1000;
      setCookie(c, SESSION_COOKIE, result.token, { ...cookieBase, httpOnly: true, maxAge });
      setCookie(c, CSRF_COOKIE, result.csrfToken, { ...cookieBase, httpOnly: false, maxAge });
      const { id, username, displayName, locale } = result.user;
      return c.json({ user: { id, username, displayName, locale } }, 200);
    })
    .openapi(logout, (c) => {
      const { user, session } = signedIn(c);
      logoutUser(deps, { user, sessionId: session.id });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(me, (c) => {
      const { user, ability, session } = signedIn(c);
      return c.json(getMe(deps, { user, ability, csrfToken: session.csrfToken }), 200);
    });
}
