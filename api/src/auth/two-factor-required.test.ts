import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { users } from '../db/schema.js';
import { createUser } from '../features/users/create-user.js';
import { type Harness, HARNESS_TOTP, makeHarness, PASSWORD, type Session } from '../test/harness.js';
import { totpNow } from './totp.js';

/** Issue 10.5 — the three powers enrol an authenticator at their first sign-in, before anything else works. */
let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

type ErrorBody = { error: { code: string; message: { 'zh-CN': string; en: string } } };
const login = (username: string, password: string, otp?: string) =>
  h.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, otp }),
  });
const code = async (res: Response) => ((await res.json()) as ErrorBody).error.code;
const versionOf = async (id: string) =>
  (await h.db.select({ v: users.version }).from(users).where(eq(users.id, id)).limit(1))[0]?.v ?? 0;
const patch = (id: string, body: unknown, s: Session) =>
  h.app.request(`/api/users/${id}`, {
    method: 'PATCH',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('mandatory two-factor sign-in for the three powers', () => {
  it('a system admin without an authenticator reaches only enrolment, /me and sign-out; after confirming a code it works, and sign-in then needs a code, once per step', async () => {
    await createUser(h.deps, {
      username: 'admin2',
      displayName: '李管理',
      password: PASSWORD,
      roles: [{ role: 'bureauAdmin', orgId: h.orgs.district }],
    });
    const first = await login('admin2', PASSWORD);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ mustChangePassword: false, mustEnrolTwoFactor: true });
    const s = await h.signIn('admin2');

    const blocked = await h.get('/api/instances', s);
    expect(blocked.status).toBe(403);
    const body = (await blocked.json()) as ErrorBody;
    expect(body.error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect(body.error.message['zh-CN']).toContain('须先绑定身份验证器');
    expect(await code(await h.get('/api/users', s))).toBe('TOTP_ENROLMENT_REQUIRED');
    expect(await code(await h.post('/api/users', { username: 'x-user', displayName: 'x', roles: [] }, s))).toBe(
      'TOTP_ENROLMENT_REQUIRED',
    );
    expect(await (await h.get('/api/me', s)).json()).toMatchObject({ twoFactor: false, mustEnrolTwoFactor: true });

    const enrolled = await h.post('/api/auth/2fa/enrol', undefined, s);
    expect(enrolled.status).toBe(200);
    const { secret, uri } = (await enrolled.json()) as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/EduFlow:admin2\?/);
    expect(uri).toContain(`secret=${secret}`);
    // A reloaded enrolment page shows the same pending secret (an app that scanned it stays right).
    expect(((await (await h.post('/api/auth/2fa/enrol', undefined, s)).json()) as { secret: string }).secret).toBe(
      secret,
    );
    // Pending until a code proves the app holds the secret.
    expect(await code(await h.get('/api/instances', s))).toBe('TOTP_ENROLMENT_REQUIRED');
    const wrong = totpNow(secret, h.clock.now()) === '000000' ? '111111' : '000000';
    expect((await h.post('/api/auth/2fa/confirm', { code: wrong }, s)).status).toBe(422);
    expect((await h.post('/api/auth/2fa/confirm', { code: totpNow(secret, h.clock.now()) }, s)).status).toBe(204);
    expect((await h.get('/api/instances', s)).status).toBe(200);
    expect(await (await h.get('/api/me', s)).json()).toMatchObject({ twoFactor: true, mustEnrolTwoFactor: false });

    expect(await code(await login('admin2', PASSWORD))).toBe('TOTP_REQUIRED');
    expect(
      await code(await login('admin2', PASSWORD, totpNow(secret, new Date(h.clock.now().getTime() + 10 * 60 * 1000)))),
    ).toBe('TOTP_INVALID');
    // The code used to confirm cannot sign in (no replays); the next step's code can, once.
    expect(await code(await login('admin2', PASSWORD, totpNow(secret, h.clock.now())))).toBe('TOTP_INVALID');
    h.clock.advance(30_000);
    expect((await login('admin2', PASSWORD, totpNow(secret, h.clock.now()))).status).toBe(200);
    expect(await code(await login('admin2', PASSWORD, totpNow(secret, h.clock.now())))).toBe('TOTP_INVALID');
    // A wrong password with a right code is still just a wrong password.
    expect(await code(await login('admin2', 'wrong-1234', totpNow(secret, h.clock.now())))).toBe('INVALID_CREDENTIALS');
  });

  it('ordinary users are not forced, nor offered enrolment', async () => {
    for (const name of ['teacherA', 'principalA', 'reviewer1', 'inspector']) {
      const s = await h.signIn(name);
      expect((await h.get('/api/instances', s)).status, name).toBe(200);
      expect(await (await h.get('/api/me', s)).json()).toMatchObject({ twoFactor: false, mustEnrolTwoFactor: false });
    }
    expect((await h.post('/api/auth/2fa/enrol', undefined, await h.signIn('principalA'))).status).toBe(403);
  });

  it('the enrolled harness accounts sign in with their code; a two-factor reset by the security admin sends the auditor back to enrolment', async () => {
    expect(await code(await login('auditor', PASSWORD))).toBe('TOTP_REQUIRED');
    expect((await login('auditor', PASSWORD, totpNow(HARNESS_TOTP.auditor ?? '', h.clock.now()))).status).toBe(200);
    const auditor = await h.signIn('auditor');
    expect((await h.get('/api/audit', auditor)).status).toBe(200);
    const reset = await patch(
      h.users.auditor ?? '',
      { resetTwoFactor: true, expectedVersion: await versionOf(h.users.auditor ?? '') },
      await h.signIn('secadmin'),
    );
    expect(reset.status).toBe(200);
    expect(await code(await h.get('/api/audit', auditor))).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await login('auditor', PASSWORD)).status).toBe(200);
  });

  it('an initial password is changed first, then the authenticator is set up', async () => {
    const created = await h.post(
      '/api/users',
      { username: 'auditor2', displayName: '新审计员', roles: [{ role: 'auditor', orgId: h.orgs.district }] },
      await h.signIn('secadmin'),
    );
    expect(created.status).toBe(201);
    const { password } = (await created.json()) as { password: string };
    const s = await h.signIn('auditor2', password);
    expect(await code(await h.get('/api/audit', s))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await code(await h.post('/api/auth/2fa/enrol', undefined, s))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await h.post('/api/auth/change-password', { currentPassword: password, newPassword: 'Audit-Trail-2026' }, s))
        .status,
    ).toBe(204);
    expect(await code(await h.get('/api/audit', s))).toBe('TOTP_ENROLMENT_REQUIRED');
    const { secret } = (await (await h.post('/api/auth/2fa/enrol', undefined, s)).json()) as { secret: string };
    expect((await h.post('/api/auth/2fa/confirm', { code: totpNow(secret, h.clock.now()) }, s)).status).toBe(204);
    expect((await h.get('/api/audit', s)).status).toBe(200);
  });
});
