import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createApp } from '../app.js';
import { totpNow } from '../auth/totp.js';
import { openDb } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { banner, firstStart } from './first-start.js';

// The seeds the entry point hands in (server.ts): the demo district itself.
const seeds = () => import('@eduflow/seeds');

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'eduflow-first-'));
  const db = openDb(join(dir, 'eduflow.db'));
  migrate(db);
  return { dir, db, deps: { db, clock: () => new Date('2026-11-23T02:00:00Z') } };
}

const login = (db: ReturnType<typeof fresh>['db'], username: string, password: string, otp?: string) =>
  createApp({ db }).request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, otp }),
  });

describe('first start', () => {
  it('in demo mode seeds once with a generated password kept in the data folder, reused on the next start', async () => {
    const { dir, db, deps } = fresh();
    const first = await firstStart(deps, dir, seeds, {});
    expect(first).toMatchObject({ mode: 'demo', seeded: true, passwordFile: join(dir, 'demo-password.txt') });
    expect(readFileSync(join(dir, 'demo-password.txt'), 'utf8').trim()).toBe(first.password);
    expect((await login(db, 'principal1', first.password!)).status).toBe(200);
    const second = await firstStart(deps, dir, seeds, {});
    expect([second.seeded, second.password]).toEqual([false, first.password]);
  });

  it('uses EDUFLOW_DEMO_PASSWORD when set and writes no password file', async () => {
    const { dir, db, deps } = fresh();
    const info = await firstStart(deps, dir, seeds, { EDUFLOW_DEMO_PASSWORD: 'chosen-Pass-1' });
    expect(info.passwordFile).toBeNull();
    expect(existsSync(join(dir, 'demo-password.txt'))).toBe(false);
    expect((await login(db, 'principal1', 'chosen-Pass-1')).status).toBe(200);
  });

  it('starts the three powers enrolled with the authenticator key the banner prints beside the password (issue 10.5)', async () => {
    const { dir, db, deps } = fresh();
    const info = await firstStart(deps, dir, seeds, { EDUFLOW_DEMO_PASSWORD: 'chosen-Pass-1' });
    const keyed = info.accounts.filter((a) => a.totpSecret);
    expect(keyed.map((a) => a.username)).toEqual(['admin', 'secadmin', 'auditor']);
    const text = banner('http://localhost:8787', info);
    expect(text).toMatch(/secadmin\s+securityAdmin\s+冯立（安全管理员）/);
    for (const a of keyed) {
      expect(text).toContain(`    ${a.username.padEnd(12)} ${a.totpSecret}`);
      expect(
        ((await (await login(db, a.username, 'chosen-Pass-1')).json()) as { error: { code: string } }).error.code,
      ).toBe('TOTP_REQUIRED');
      expect((await login(db, a.username, 'chosen-Pass-1', totpNow(a.totpSecret ?? '', new Date()))).status).toBe(200);
    }
    expect(text.indexOf('Password 密码')).toBeLessThan(text.indexOf('Two-factor 两步验证'));
  });

  it('refuses to seed with an EDUFLOW_DEMO_PASSWORD that fails the password policy, naming the rule', async () => {
    const { dir, db, deps } = fresh();
    await expect(firstStart(deps, dir, seeds, { EDUFLOW_DEMO_PASSWORD: 'password1' })).rejects.toThrow(
      /EDUFLOW_DEMO_PASSWORD .*3 of: upper-case/,
    );
    expect((await login(db, 'auditor', 'password1')).status).toBe(401);
  });

  it('outside demo mode creates no demo account, only the three administrators (三权分立), each password in its own file', async () => {
    const { dir, db, deps } = fresh();
    const info = await firstStart(deps, dir, seeds, { EDUFLOW_DEMO: '0' });
    expect(info.accounts.map((a) => [a.username, a.role])).toEqual([
      ['admin', 'bureauAdmin'],
      ['secadmin', 'securityAdmin'],
      ['auditor', 'auditor'],
    ]);
    expect((await login(db, 'principal1', info.password!)).status).toBe(401);
    const passwords = info.accounts.map((a) => readFileSync(join(dir, `${a.username}-password.txt`), 'utf8').trim());
    expect(new Set(passwords).size).toBe(3);
    expect(passwords[0]).toBe(info.password);
    for (const [i, a] of info.accounts.entries()) {
      // Each changes the password, then sets up an authenticator, before anything else works.
      expect(await (await login(db, a.username, passwords[i] ?? '')).json()).toMatchObject({
        mustChangePassword: true,
        mustEnrolTwoFactor: true,
      });
    }
    expect((db.$client.prepare('select count(*) n from users').get() as { n: number }).n).toBe(3);
    const text = banner('http://localhost:8787', info);
    for (const a of info.accounts) expect(text).toContain(a.passwordFile ?? '-');
    for (const p of passwords) expect(text).not.toContain(p);
    // A later start names the files still there, and creates nothing.
    const again = await firstStart(deps, dir, seeds, { EDUFLOW_DEMO: '0' });
    expect(again).toMatchObject({ seeded: false, password: null });
    expect(again.accounts.map((a) => a.username)).toEqual(['admin', 'secadmin', 'auditor']);
  });
});
