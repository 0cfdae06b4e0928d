import { DEMO_TOTP, loginCookies, sharedSession } from './two-factor';

/**
 * A signed-in API session for test setup through the front door (login, CSRF header), never raw SQL.
 * The demo's three powers sign in with a code from their known authenticator key, once per file (see two-factor.ts).
 */
export async function apiSession(url: string, username: string, password: string) {
  const { session, csrf } = DEMO_TOTP[username]
    ? await sharedSession(url, username, password)
    : await loginCookies(url, username, password);
  const cookie = `eduflow_session=${session}; eduflow_csrf=${encodeURIComponent(csrf)}`;
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await fetch(`${url}/api${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
