import { createMongoAbility, type MongoAbility, type RawRuleOf, subject } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness, PASSWORD } from '../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const login = (username: string, password: string) => h.post('/api/auth/login', { username, password });

describe('sign-in', () => {
  it('signs in and sets HttpOnly session + readable CSRF cookies', async () => {
    const res = await login('principalA', PASSWORD);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ username: 'principalA', locale: 'zh-CN' });
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('eduflow_session='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('eduflow_session='))).toMatch(/SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('eduflow_csrf='))).not.toMatch(/HttpOnly/);
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS in both languages', async () => {
    const res = await login('principalB', 'wrong-password1');
    expect(res.status).toBe(401);
    const { error } = await res.json();
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.message['zh-CN']).toBeTruthy();
    expect(error.message.en).toBeTruthy();
  });

  it('refuses an unknown username the same way', async () => {
    const res = await login('nobody', PASSWORD);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks after 5 consecutive failures, refuses the right password for 15 minutes, then lets in', async () => {
    for (let i = 1; i <= 4; i += 1) expect((await login('teacherA', `bad-${i}`)).status).toBe(401);
    const fifth = await login('teacherA', 'bad-5');
    expect(fifth.status).toBe(423);
    const locked = await login('teacherA', PASSWORD);
    expect(locked.status).toBe(423);
    const { error } = await locked.json();
    expect(error.code).toBe('ACCOUNT_LOCKED');
    // The message names the unlock time: 01:15 UTC = 09:15 Beijing.
    expect(error.message['zh-CN']).toContain('09:15');
    expect(error.message.en).toContain('2026-11-23T01:15');
    h.clock.advance(14 * 60 * 1000);
    expect((await login('teacherA', PASSWORD)).status).toBe(423);
    h.clock.advance(60 * 1000 + 1);
    expect((await login('teacherA', PASSWORD)).status).toBe(200);
  });

  it('a success resets the failure count', async () => {
    for (let i = 0; i < 4; i += 1) await login('lead1', 'nope-123');
    expect((await login('lead1', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login('lead1', 'nope-123')).status).toBe(401);
  });

  it('audits refused and successful sign-ins', async () => {
    const auditor = await h.signIn('auditor');
    const res = await h.get('/api/audit?action=auth.login&outcome=denied&limit=100', auditor);
    const page = await res.json();
    expect(page.items.length).toBeGreaterThanOrEqual(10);
    expect(page.items.some((e: { meta: { reason: string } }) => e.meta.reason === 'locked')).toBe(true);
  });
});

describe('session', () => {
  it('/me returns the user, roles with org names, packed rules and the CSRF token', async () => {
    const s = await h.signIn('principalA');
    const res = await h.get('/api/me', s);
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(me.user.username).toBe('principalA');
    expect(me.roles).toEqual([{ role: 'principal', orgId: h.orgs.schoolA, orgName: '实验小学' }]);
    expect(me.csrfToken).toBe(s.csrf);
    // The console rebuilds the same ability from the packed rules.
    const ability = createMongoAbility<MongoAbility>(unpackRules<RawRuleOf<MongoAbility>>(me.rules));
    expect(ability.can('create', subject('Instance', { subjectOrgId: h.orgs.schoolA }))).toBe(true);
    expect(ability.can('create', subject('Instance', { subjectOrgId: h.orgs.schoolB }))).toBe(false);
    expect(ability.can('read', 'AuditEvent')).toBe(false);
  });

  it('without a session /me is 401', async () => {
    const res = await h.get('/api/me');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a write without the CSRF header (403 CSRF_FAILED), or with a mismatching one', async () => {
    const s = await h.signIn('admin');
    const noHeader = await h.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: s.cookie } });
    expect(noHeader.status).toBe(403);
    expect((await noHeader.json()).error.code).toBe('CSRF_FAILED');
    const wrong = await h.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(wrong.status).toBe(403);
  });

  it('refuses a write or a sign-in another site made, even with a valid token (Origin, Sec-Fetch-Site), and audits it (issue 10.8)', async () => {
    const s = await h.signIn('principalA');
    const write = (headers: Record<string, string>) =>
      h.app.request('/api/notifications/read-all', {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, host: 'eduflow.example', ...headers },
      });
    const evil = await write({ origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe('CSRF_FAILED');
    expect((await write({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await write({ origin: 'null' })).status).toBe(403);
    // The console's own page: same host, same-origin fetch.
    expect((await write({ origin: 'http://eduflow.example', 'sec-fetch-site': 'same-origin' })).status).toBeLessThan(
      400,
    );
    const login = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'eduflow.example', origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'principalA', password: PASSWORD }),
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
    const [audited] = await h.sql(
      sql`select count(*) as n from audit_events where action = 'auth.origin' and outcome = 'denied'`,
    );
    expect(audited?.n).toBe(4);
  });

  it('logs out: 204, then the old cookie is dead', async () => {
    const s = await h.signIn('reviewer1');
    const out = await h.post('/api/auth/logout', undefined, s);
    expect(out.status).toBe(204);
    expect((await h.get('/api/me', s)).status).toBe(401);
  });

  it('expires after 30 idle minutes and after 12 hours regardless of activity', async () => {
    const s = await h.signIn('reviewer2');
    h.clock.advance(29 * 60 * 1000);
    expect((await h.get('/api/me', s)).status).toBe(200);
    h.clock.advance(30 * 60 * 1000);
    expect((await h.get('/api/me', s)).status).toBe(401);

    const t = await h.signIn('reviewer2');
    for (let i = 0; i < 25; i += 1) {
      h.clock.advance(29 * 60 * 1000);
      const res = await h.get('/api/me', t);
      if (i < 24) expect(res.status, `after ${(i + 1) * 29} min`).toBe(200);
      else expect(res.status).toBe(401);
    }
  });
});
