import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createUser } from '../features/users/create-user.js';
import { type Harness, makeHarness, PASSWORD } from '../test/harness.js';
import { LOGIN_FAILURES_PER_IP, LOGIN_FAILURES_PER_IP_HARD, LOGIN_FAILURES_PER_USERNAME } from './rate-limit.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const login = (username: string, password: string, otp?: string) =>
  h.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, otp }),
  });
type ErrorBody = { error: { code: string; lockedUntil?: string; fieldErrors?: Record<string, unknown> } };

describe('lockout and rate limits', () => {
  it('ACCOUNT_LOCKED carries lockedUntil (ISO) for the console to count down', async () => {
    for (let i = 0; i < 4; i += 1) expect((await login('principalA', 'wrong-1234')).status).toBe(401);
    const locked = await login('principalA', 'wrong-1234');
    expect(locked.status).toBe(423);
    const body = (await locked.json()) as ErrorBody;
    expect(body.error.lockedUntil).toBe(new Date(h.clock.now().getTime() + 15 * 60 * 1000).toISOString());
  });

  it('too many failures from one address are refused with 429 and Retry-After, before any password check', async () => {
    const names = Object.keys(h.users);
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i += 1) await login(names[i % names.length] ?? 'x', 'wrong-1234');
    const limited = await login('reviewer1', PASSWORD);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as ErrorBody).error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    h.clock.advance(16 * 60 * 1000);
    expect((await login('reviewer1', PASSWORD)).status).toBe(200);
  });

  it('past the address limit, an account with no recent failure still signs in with its password (one NAT, a whole school); a spray stays shut out (issue 10.10)', async () => {
    await createUser(h.deps, {
      username: 'teacherNat',
      displayName: '同校教师',
      password: PASSWORD,
      roles: [{ role: 'teacher', orgId: h.orgs.schoolA }],
    });
    const names = Object.keys(h.users);
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i += 1) await login(names[i % names.length] ?? 'x', 'wrong-1234');
    // An account the failures touched is refused; a clean one is let through to its password check.
    expect((await login('reviewer1', PASSWORD)).status).toBe(429);
    expect((await login('teacherNat', PASSWORD)).status).toBe(200);
    // A spray over fresh usernames gets a first try each until the hard limit, then nothing gets through.
    for (let i = LOGIN_FAILURES_PER_IP; i < LOGIN_FAILURES_PER_IP_HARD; i += 1) await login(`spray${i}`, 'wrong-1234');
    expect((await login('teacherNat', PASSWORD)).status).toBe(429);
    expect((await login('fresh-name', 'wrong-1234')).status).toBe(429);
  });

  it('the counts live in the database: a second API node on the same database, or a restarted one, refuses what the first saw fail (issue 14)', async () => {
    const { createApp } = await import('../app.js');
    const second = h.openOther(); // another connection, as another node would hold
    try {
      const node2 = createApp({ db: second.db, clock: h.clock.now });
      const names = Object.keys(h.users);
      for (let i = 0; i < LOGIN_FAILURES_PER_IP; i += 1) await login(names[i % names.length] ?? 'x', 'wrong-1234');
      const refused = await node2.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'reviewer1', password: PASSWORD }),
      });
      expect(refused.status).toBe(429);
      // The window still slides: past it, the second node lets the right password in.
      h.clock.advance(16 * 60 * 1000);
      const later = await node2.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'reviewer1', password: PASSWORD }),
      });
      expect(later.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('too many failures for one username are refused with 429 even behind changing addresses', async () => {
    process.env.EDUFLOW_TRUST_PROXY = '1';
    try {
      const { createApp } = await import('../app.js');
      const app = createApp({ db: h.db, clock: h.clock.now });
      const attempt = (i: number) =>
        app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}` },
          body: JSON.stringify({ username: 'teacherA', password: 'wrong-1234' }),
        });
      for (let i = 0; i < LOGIN_FAILURES_PER_USERNAME; i += 1) expect([401, 423]).toContain((await attempt(i)).status);
      expect((await attempt(99)).status).toBe(429);
    } finally {
      delete process.env.EDUFLOW_TRUST_PROXY;
    }
  });
});

describe('must change password', () => {
  it('a generated password works once: everything but /me, logout and change-password is 403 until changed', async () => {
    const admin = await h.signIn('admin');
    const created = (await (
      await h.post(
        '/api/users',
        { username: 'newprincipal', displayName: '新校长', roles: [{ role: 'principal', orgId: h.orgs.schoolA }] },
        admin,
      )
    ).json()) as { password: string };
    const first = await h.signIn('newprincipal', created.password);
    const other = await h.signIn('newprincipal', created.password);
    const blocked = await h.get('/api/tasks', first);
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as ErrorBody).error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await (await h.get('/api/me', first)).json()).toMatchObject({ mustChangePassword: true });

    const change = (body: unknown) => h.post('/api/auth/change-password', body, first);
    expect((await change({ currentPassword: 'nope', newPassword: 'Better-pass-1' })).status).toBe(422);
    expect((await change({ currentPassword: created.password, newPassword: 'short' })).status).toBe(422);
    expect((await change({ currentPassword: created.password, newPassword: created.password })).status).toBe(422);
    expect((await change({ currentPassword: created.password, newPassword: 'Better-pass-1' })).status).toBe(204);
    expect((await h.get('/api/tasks', first)).status).toBe(200);
    expect((await h.get('/api/me', other)).status).toBe(401);
    expect((await login('newprincipal', created.password)).status).toBe(401);
    expect((await login('newprincipal', 'Better-pass-1')).status).toBe(200);
  });
});
