import { timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'eduflow_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sign-in has no session yet; SameSite=Lax on the session cookie covers it. */
const EXEMPT_PATHS = new Set(['/api/auth/login']);

export const needsCsrf = (method: string, path: string): boolean => !SAFE_METHODS.has(method) && !EXEMPT_PATHS.has(path);

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Double submit: the header must equal the cookie, and both must be this session's token. */
export function csrfOk(header: string | undefined, cookie: string | undefined, sessionToken: string): boolean {
  if (!header || !cookie) return false;
  return same(header, cookie) && same(cookie, sessionToken);
}
