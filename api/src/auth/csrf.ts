import { timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'eduflow_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sign-in has no session yet; SameSite=Lax on the session cookie covers it. */
const EXEMPT_PATHS = new Set(['/api/auth/login']);

export const needsCsrf = (method: string, path: string): boolean =>
  !SAFE_METHODS.has(method) && !EXEMPT_PATHS.has(path);

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

/**
 * A browser says where a request comes from (Origin, Sec-Fetch-Site); a write or a sign-in from another
 * site is refused even with a valid token. Clients that send neither (curl, scripts) are judged by the
 * token alone. The expected host is the request's own (X-Forwarded-Host behind a trusted proxy).
 */
export function foreignOrigin(
  headers: { origin?: string; secFetchSite?: string; host?: string; forwardedHost?: string },
  trustProxy: boolean,
): string | null {
  const host = (trustProxy && headers.forwardedHost?.split(',')[0]?.trim()) || headers.host;
  if (headers.origin) {
    let from: string | null;
    try {
      from = headers.origin === 'null' ? null : new URL(headers.origin).host;
    } catch {
      from = null;
    }
    if (!from || from !== host) return headers.origin;
  }
  if (headers.secFetchSite && headers.secFetchSite !== 'same-origin' && headers.secFetchSite !== 'none')
    return `Sec-Fetch-Site: ${headers.secFetchSite}`;
  return null;
}

export const isWrite = (method: string): boolean => !SAFE_METHODS.has(method);
