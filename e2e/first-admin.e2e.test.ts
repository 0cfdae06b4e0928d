import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';

import { screenshot, signIn, useServerAndBrowser } from './harness';

/** Outside demo mode the first start creates one administrator who must choose a password first. */
describe('first administrator (EDUFLOW_DEMO=0)', () => {
  const env = useServerAndBrowser({ env: { EDUFLOW_DEMO: '0' } });

  it('signs in with the generated password, is sent to change it, then to set up an authenticator, and then reaches the console', async () => {
    const generated = readFileSync(join(env.server.dataDir, 'admin-password.txt'), 'utf8').trim();
    expect(env.server.output()).toContain(join(env.server.dataDir, 'admin-password.txt'));
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, env.server.url, 'admin', generated);
    await page.getByTestId('password-forced').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    // Any other page sends the user back here while the change is due.
    await page.goto(`${env.server.url}/instances`);
    await page.getByTestId('password-forced').waitFor();
    await screenshot(page, 'first-admin-change-password');

    await page.getByLabel('当前密码').fill(generated);
    // The rules are shown before typing; the server's refusal names the one broken, on the field.
    await page.getByTestId('password-rules').getByText('至少 3 类', { exact: false }).waitFor();
    await page.getByLabel('新密码', { exact: true }).fill('password1');
    await page.getByLabel('确认新密码').fill('password1');
    await page.getByRole('button', { name: /保存新密码/ }).click();
    await page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少 3 类').waitFor();
    await page.getByLabel('新密码', { exact: true }).fill('admin-Pass-2026');
    await page.getByLabel('确认新密码').fill('admin-Pass-2026');
    await page.getByRole('button', { name: /保存新密码/ }).click();
    await page.getByText('密码不能包含用户名').waitFor();
    await screenshot(page, 'first-admin-password-policy');

    await page.getByLabel('新密码', { exact: true }).fill('Bureau-2026-pass');
    await page.getByLabel('确认新密码').fill('Bureau-2026-pass');
    await page.getByRole('button', { name: /保存新密码/ }).click();
    // Then the authenticator (等保 2.0, the three powers): nothing else works until a code is confirmed.
    await page.waitForURL((u) => u.pathname === '/two-factor', { timeout: 20_000 });
    await page.getByTestId('totp-qr').waitFor();
    await page.goto(`${env.server.url}/instances`);
    await page.waitForURL((u) => u.pathname === '/two-factor', { timeout: 20_000 });
    const key = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(key) });
    await screenshot(page, 'first-admin-two-factor');
    await page.getByPlaceholder('输入身份验证器当前显示的 6 位数字').fill(totp.generate());
    await page.getByRole('button', { name: /确认绑定/ }).click();
    await page.waitForURL((u) => u.pathname === '/', { timeout: 20_000 });
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('password-forced').count()).toBe(0);

    // The new password is the one that works from now on, with a code from the app.
    const res = await fetch(`${env.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Bureau-2026-pass' }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TOTP_REQUIRED');

    await page.context().clearCookies();
    await page.goto(`${env.server.url}/login`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill('Bureau-2026-pass');
    await page.locator('button[type=submit]').click();
    const otp = page.getByPlaceholder('身份验证器中的 6 位数字');
    await otp.waitFor();
    // A code is accepted once: the next 30-second step's code (inside the allowed drift) signs in.
    await otp.fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.locator('button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
    await page.getByTestId('current-user').waitFor();
  });
});
