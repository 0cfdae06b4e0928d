import { Secret, TOTP } from 'otpauth';

import { DEMO_USERS as SEEDED } from '../seeds/src/district';

/** The authenticator keys the demo's three powers start with (seeds/src/district.ts; `npm start` prints them). */
export const DEMO_TOTP: Readonly<Record<string, string>> = Object.fromEntries(
  SEEDED.flatMap((u) => ('totp' in u ? [[u.username, u.totp]] : [])),
);

const STEP_MS = 30_000;
const used = new Map<string, number>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A code a sign-in of `username` on this server may use. The server accepts each 30-second step once
 * per account (no replays) and one step either side of its clock; tests sign in more often than that,
 * so the steps already used are remembered and, when now and the next step are both spent, this waits.
 */
export async function nextTotp(url: string, username: string, secret = DEMO_TOTP[username]): Promise<string> {
  if (!secret) throw new Error(`no authenticator key known for ${username}`);
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  const key = `${url} ${username}`;
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / STEP_MS);
    const last = used.get(key) ?? -Infinity;
    const candidate = Math.max(step, last + 1);
    if (candidate <= step + 1) {
      used.set(key, candidate);
      return totp.generate({ timestamp: candidate * STEP_MS });
    }
    await sleep(last * STEP_MS - now + 250);
  }
}

export type SessionCookies = { session: string; csrf: string };

/** POST /auth/login (with the next code for a demo power) → the two cookies' values. */
export async function loginCookies(url: string, username: string, password: string): Promise<SessionCookies> {
  const otp = DEMO_TOTP[username] ? await nextTotp(url, username) : undefined;
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, otp }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status} ${(await res.text()).slice(0, 200)}`);
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const cookies = Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  return { session: cookies.eduflow_session ?? '', csrf: decodeURIComponent(cookies.eduflow_csrf ?? '') };
}

const shared = new Map<string, Promise<SessionCookies>>();

/**
 * One session per demo power and server, shared by a test file's API calls and browser pages: each
 * sign-in of theirs spends a code step, so signing in for every page would mean waiting half a minute
 * each time. The sign-in form itself is walked by harness.signIn (and the first-sign-in test).
 */
export async function sharedSession(url: string, username: string, password: string): Promise<SessionCookies> {
  const key = `${url} ${username}`;
  const cached = await shared.get(key)?.catch(() => null);
  if (cached && (await fetch(`${url}/api/me`, { headers: { cookie: `eduflow_session=${cached.session}` } })).ok)
    return cached;
  const fresh = loginCookies(url, username, password);
  shared.set(key, fresh);
  return fresh;
}
