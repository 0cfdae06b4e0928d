import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createApp } from '../app.js';
import { auditEvents, passwordHistory } from '../db/schema.js';
import { type Harness, makeHarness, PASSWORD, type Session } from '../test/harness.js';
import { generatePassword } from './generate-password.js';
import { passwordExpired, passwordMaxAgeDays } from './password-expiry.js';
import { PASSWORD_HISTORY, passwordRefusal } from './password-policy.js';

type ErrorBody = {
  error: { code: string; rule?: string; fieldErrors?: Record<string, { 'zh-CN': string; en: string }> };
};

describe('passwordRefusal', () => {
  const principal = { username: 'principal', displayName: 'Li Ming' };
  it.each([
    ['Ab1!', 'length'],
    ['password1', 'classes'],
    ['aaaaaaa1', 'classes'],
    ['Principal21!', 'username'],
    ['xPRINCIPALx-9', 'username'],
    ['Ming#2026-zq', 'displayName'],
    ['Password1!', 'common'],
    ['Qwerty123!', 'common'],
    ['Admin@123', 'common'],
  ])('%s is refused by the %s rule', (password, rule) => {
    expect(passwordRefusal(password, principal)?.rule).toBe(rule);
  });

  it('a Chinese display name counts too', () => {
    expect(passwordRefusal('王校长#Xk7mPq2', { username: 'wang', displayName: '王校长' })?.rule).toBe('displayName');
  });

  it('accepts strong passwords, the demo, e2e and test-harness passwords and the generated ones', () => {
    for (const p of ['Xk7#mPq2vL', 'Demo#2026!e2e', 'demo-Pass-2026', PASSWORD])
      expect(passwordRefusal(p, principal)).toBeNull();
    for (let i = 0; i < 20; i += 1) {
      expect(passwordRefusal(generatePassword(), principal)).toBeNull();
      expect(
        passwordRefusal(generatePassword({ username: 'admin', displayName: '系统管理员' }), {
          username: 'admin',
          displayName: '系统管理员',
        }),
      ).toBeNull();
    }
  });
});

describe('password expiry setting', () => {
  it('is off unless EDUFLOW_PASSWORD_MAX_AGE_DAYS is a whole number of days', () => {
    expect(passwordMaxAgeDays({})).toBeUndefined();
    expect(passwordMaxAgeDays({ EDUFLOW_PASSWORD_MAX_AGE_DAYS: '' })).toBeUndefined();
    expect(passwordMaxAgeDays({ EDUFLOW_PASSWORD_MAX_AGE_DAYS: '90' })).toBe(90);
    expect(() => passwordMaxAgeDays({ EDUFLOW_PASSWORD_MAX_AGE_DAYS: '0' })).toThrow(/EDUFLOW_PASSWORD_MAX_AGE_DAYS/);
    expect(() => passwordMaxAgeDays({ EDUFLOW_PASSWORD_MAX_AGE_DAYS: 'soon' })).toThrow(
      /EDUFLOW_PASSWORD_MAX_AGE_DAYS/,
    );
    const user = { createdAt: '2026-01-01T00:00:00.000Z', passwordChangedAt: null };
    expect(passwordExpired(user, undefined, new Date('2030-01-01'))).toBe(false);
    expect(passwordExpired(user, 90, new Date('2026-03-31T23:00:00.000Z'))).toBe(false);
    expect(passwordExpired(user, 90, new Date('2026-04-01T00:00:00.000Z'))).toBe(true);
  });
});

describe('POST /api/auth/change-password', () => {
  let h: Harness;
  let s: Session;
  beforeEach(async () => {
    h = await makeHarness();
    s = await h.signIn('principalA');
  });
  afterEach(() => h.close());

  const change = (currentPassword: string, newPassword: string, session = s) =>
    h.post('/api/auth/change-password', { currentPassword, newPassword }, session);
  const audits = async () =>
    await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.changePassword'), eq(auditEvents.entityId, h.users.principalA ?? '')));
  const hashNow = async () =>
    (await h.sql(sql`select password_hash as hash from users where username = 'principalA'`))[0] as { hash: string };

  it.each([
    ['password1', 'classes', '大写字母、小写字母、数字、符号中的至少 3 类'],
    ['aaaaaaa1', 'classes', '至少 3 类'],
    ['principalA21!', 'username', '密码不能包含用户名'],
    ['Password1!', 'common', '过于常见'],
  ])('%s → 422 naming the %s rule, nothing written, refusal audited', async (newPassword, rule, zh) => {
    const before = (await hashNow()).hash;
    const res = await change(PASSWORD, newPassword);
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.rule).toBe(`password.${rule}`);
    expect(body.error.fieldErrors?.newPassword?.['zh-CN']).toContain(zh);
    expect(body.error.fieldErrors?.newPassword?.en).toBeTruthy();
    expect((await hashNow()).hash).toBe(before);
    expect((await audits()).map((a) => [a.outcome, (a.meta as { reason?: string } | null)?.reason])).toEqual([
      ['denied', `password.${rule}`],
    ]);
  });

  it('a strong password is taken (204, audited); the previous ones may not come back', async () => {
    const passwords = [
      PASSWORD,
      'Strong#Pass-01x',
      'Strong#Pass-02y',
      'Strong#Pass-03z',
      'Strong#Pass-04w',
      'Strong#Pass-05v',
    ];
    for (let i = 1; i < passwords.length; i += 1) {
      expect((await change(passwords[i - 1] ?? '', passwords[i] ?? '')).status).toBe(204);
    }
    expect((await audits()).filter((a) => a.outcome === 'success')).toHaveLength(5);
    const current = passwords[passwords.length - 1] ?? '';
    // The last PASSWORD_HISTORY (current included) are refused; older ones are allowed again.
    for (const reused of passwords.slice(-PASSWORD_HISTORY, -1)) {
      const res = await change(current, reused);
      expect(res.status).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.rule).toBe('password.history');
      expect(body.error.fieldErrors?.newPassword?.['zh-CN']).toContain('最近 5 次');
    }
    expect(
      await h.db
        .select()
        .from(passwordHistory)
        .where(eq(passwordHistory.userId, h.users.principalA ?? '')),
    ).toHaveLength(PASSWORD_HISTORY);
    expect((await change(current, PASSWORD)).status).toBe(204);
    expect((await h.signIn('principalA', PASSWORD)).userId).toBe(h.users.principalA);
  });

  it('wrong current passwords lock the account like sign-in (423 at the fifth), then 429, long before 30', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await change(`Wrong#guess-${i}`, 'Strong#Pass-01x')).status);
    expect(statuses.slice(0, 4)).toEqual([422, 422, 422, 422]);
    expect(statuses[4]).toBe(423);
    expect(statuses.indexOf(429)).toBeGreaterThan(4);
    expect(statuses.indexOf(429)).toBeLessThan(30);
    expect(statuses.filter((x) => x === 204)).toEqual([]);
    // Locked: even the right current password is refused, and so is sign-in.
    h.clock.advance(60 * 60 * 1000);
    expect(
      (await audits()).filter(
        (a) => (a.meta as { reason?: string } | null)?.reason === 'wrong-current-password-locked',
      ),
    ).toHaveLength(1);
  });

  it('a locked account cannot change its password even with the right current one', async () => {
    for (let i = 0; i < 5; i += 1) await change(`Wrong#guess-${i}`, 'Strong#Pass-01x');
    const res = await change(PASSWORD, 'Strong#Pass-01x');
    expect(res.status).toBe(423);
    const login = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'principalA', password: PASSWORD }),
    });
    expect(login.status).toBe(423);
    h.clock.advance(16 * 60 * 1000);
    expect((await change(PASSWORD, 'Strong#Pass-01x')).status).toBe(204);
  });
});

describe('admin-set passwords', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  it('an administrator cannot create an account with a weak password, or one containing the username', async () => {
    const admin = await h.signIn('admin');
    const create = (username: string, password: string) =>
      h.post(
        '/api/users',
        { username, displayName: '新校长', password, roles: [{ role: 'principal', orgId: h.orgs.schoolA }] },
        admin,
      );
    for (const [username, password, rule] of [
      ['newp', 'aaaaaaa1', 'classes'],
      ['principal21', 'Principal21!x', 'username'],
      ['newp', 'Password1!', 'common'],
    ] as const) {
      const res = await create(username, password);
      expect(res.status).toBe(422);
      expect(((await res.json()) as ErrorBody).error.rule).toBe(`password.${rule}`);
    }
    expect((await create('newp', 'Strong#Pass-01x')).status).toBe(201);
  });

  it('a reset keeps the old password in the history', async () => {
    const admin = await h.signIn('admin');
    const item = (await (await h.get(`/api/users?q=teacherA`, admin)).json()) as {
      items: Array<{ id: string; version: number }>;
    };
    const teacher = item.items[0];
    const res = await h.app.request(`/api/users/${teacher?.id}`, {
      method: 'PATCH',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ resetPassword: true, expectedVersion: teacher?.version }),
    });
    expect(res.status).toBe(200);
    const { password } = (await res.json()) as { password: string };
    expect(passwordRefusal(password, { username: 'teacherA' })).toBeNull();
    const s = await h.signIn('teacherA', password);
    const back = await h.post('/api/auth/change-password', { currentPassword: password, newPassword: PASSWORD }, s);
    expect(back.status).toBe(422);
    expect(((await back.json()) as ErrorBody).error.rule).toBe('password.history');
  });
});

describe('EDUFLOW_PASSWORD_MAX_AGE_DAYS', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  const login = (app: ReturnType<typeof createApp>, password = PASSWORD) =>
    app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'teacherA', password }),
    });

  it('off by default: an old password still signs in normally', async () => {
    h.clock.advance(400 * 24 * 60 * 60 * 1000);
    expect(await (await login(h.app)).json()).toMatchObject({ mustChangePassword: false });
  });

  it('past the maximum age, sign-in asks for a new password and every other call is 403 until it is changed', async () => {
    const app = createApp({
      db: h.db,
      clock: h.clock.now,
      passwordMaxAgeDays: passwordMaxAgeDays({ EDUFLOW_PASSWORD_MAX_AGE_DAYS: '90' }),
    });
    h.clock.advance(89 * 24 * 60 * 60 * 1000);
    expect(await (await login(app)).json()).toMatchObject({ mustChangePassword: false });
    h.clock.advance(2 * 24 * 60 * 60 * 1000);
    const res = await login(app);
    expect(await res.json()).toMatchObject({ mustChangePassword: true });
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    const csrf = cookies.find((c) => c.startsWith('eduflow_csrf='))?.slice('eduflow_csrf='.length) ?? '';
    const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' };
    const blocked = await app.request('/api/tasks', { headers });
    expect(((await blocked.json()) as ErrorBody).error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await app.request('/api/auth/change-password', {
      method: 'POST',
      headers,
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'Strong#Pass-01x' }),
    });
    expect(changed.status).toBe(204);
    expect((await app.request('/api/tasks', { headers })).status).toBe(200);
    expect(await (await login(app, 'Strong#Pass-01x')).json()).toMatchObject({ mustChangePassword: false });
  });
});
