import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';

import { screenshot, signedInPages, signIn, useServerAndBrowser } from './harness';
import { optionTexts, pickOption } from './select-option';

/** Issues 10.4 and 10.5: 三权分立 in the console, and the first sign-in of a privileged account. */
describe('separation of the three powers', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('the bureau admin cannot edit the auditor or the security admin, and is told why; it offers only ordinary roles', async () => {
    const page = await open('admin', { at: '/users?q=auditor' });
    const row = page.locator('[data-testid=user-table] tbody tr.ant-table-row', { hasText: '何静' });
    await row.waitFor();
    const edit = row.getByTestId('edit-auditor');
    expect(await edit.isDisabled()).toBe(true);
    await edit.locator('..').hover();
    await page.getByText('三权分立：系统管理员、安全管理员和审计员的账户由安全管理员管理。').waitFor();
    await screenshot(page, 'powers-admin-users');

    await page.getByRole('button', { name: '新建用户' }).click();
    const modal = page.locator('.ant-modal-content');
    await modal.getByRole('button', { name: '添加角色授权' }).click();
    const options = await optionTexts(modal.getByRole('combobox', { name: '角色', exact: true }));
    expect(options).toContain('教师');
    expect(options).not.toContain('审计员');
    expect(options).not.toContain('安全管理员');
    expect(options).not.toContain('教委管理员');
  });

  it('the security admin creates an auditor; its first sign-in changes the password, enrols an authenticator on the QR page, then lands on the audit log', async () => {
    const sec = await open('secadmin');
    await sec.waitForURL((u) => u.pathname === '/users');
    // Its menu: no workflow screens.
    await sec.locator('.ant-layout-sider .ant-menu-root').getByText('基础数据').click();
    await sec.locator('.ant-layout-sider .ant-menu-root').getByText('用户与角色').waitFor();
    const menu = (await sec.locator('.ant-layout-sider .ant-menu-root').textContent()) ?? '';
    expect(menu).toContain('用户与角色');
    for (const hidden of ['流程实例', '流程定义', '我的待办', '审计日志', '组织机构'])
      expect(menu).not.toContain(hidden);
    await screenshot(sec, 'powers-secadmin-users');

    // Its own account: the roles are locked, with the reason.
    const modal = sec.locator('.ant-modal-content');
    await sec.getByPlaceholder('输入姓名或用户名搜索').fill('secadmin');
    await sec.getByPlaceholder('输入姓名或用户名搜索').press('Enter');
    await sec.getByTestId('edit-secadmin').click();
    await modal.getByTestId('role-grant-line').first().waitFor();
    expect(await modal.getByRole('button', { name: '添加角色授权' }).count()).toBe(0);
    expect(await modal.getByTestId('reset-password').count()).toBe(0);
    await modal.getByRole('button', { name: /取\s*消/ }).click();
    await modal.waitFor({ state: 'hidden' });
    // The auditor's account is the security admin's to reset.
    await sec.getByPlaceholder('输入姓名或用户名搜索').fill('auditor');
    await sec.getByPlaceholder('输入姓名或用户名搜索').press('Enter');
    await sec.getByTestId('edit-auditor').click();
    await modal.getByTestId('reset-password').waitFor();
    await modal.getByTestId('reset-two-factor').waitFor();
    await screenshot(sec, 'powers-secadmin-edits-auditor');
    await modal.getByRole('button', { name: /取\s*消/ }).click();
    await modal.waitFor({ state: 'hidden' });

    await sec.getByRole('button', { name: '新建用户' }).click();
    await modal.locator('#username').fill('auditor2');
    await modal.locator('#displayName').fill('韩梅（审计员）');
    await modal.getByRole('button', { name: '添加角色授权' }).click();
    await pickOption(modal.getByRole('combobox', { name: '角色', exact: true }), '审计员');
    await pickOption(modal.getByRole('combobox', { name: '所属单位', exact: true }), '公共服务局', '公共服务局');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    const generated = ((await modal.getByTestId('generated-password').textContent()) ?? '').trim();
    expect(generated.length).toBeGreaterThanOrEqual(8);

    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await signIn(page, env.server.url, 'auditor2', generated);
      await page.getByTestId('password-forced').waitFor();
      await page.getByLabel('当前密码').fill(generated);
      await page.getByLabel('新密码', { exact: true }).fill('Ledger-Watch-2026');
      await page.getByLabel('确认新密码').fill('Ledger-Watch-2026');
      await page.getByRole('button', { name: /保存新密码/ }).click();

      await page.waitForURL((u) => u.pathname === '/two-factor', { timeout: 20_000 });
      await page.getByTestId('totp-qr').locator('canvas').waitFor();
      await page.getByText('您的账户（审计员）须开启两步验证后才能继续使用系统').waitFor();
      const key = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
      expect(key).toMatch(/^[A-Z2-7]{32}$/);
      await screenshot(page, 'powers-first-sign-in-enrolment');
      // Anything else sends it back here (the API answers TOTP_ENROLMENT_REQUIRED meanwhile), with the same key.
      await page.goto(`${env.server.url}/audit`);
      await page.waitForURL((u) => u.pathname === '/two-factor', { timeout: 20_000 });
      await page.getByTestId('totp-secret').waitFor();
      expect((await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '')).toBe(key);

      const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(key) });
      await page
        .getByPlaceholder('输入身份验证器当前显示的 6 位数字')
        .fill(totp.generate({ timestamp: Date.now() - 10 * 60_000 }));
      await page.getByRole('button', { name: /确认绑定/ }).click();
      await page.getByTestId('totp-error').waitFor();
      await page.getByPlaceholder('输入身份验证器当前显示的 6 位数字').fill(totp.generate());
      await page.getByRole('button', { name: /确认绑定/ }).click();
      await page.waitForURL((u) => u.pathname === '/audit', { timeout: 20_000 });
      await page.getByTestId('audit-table').waitFor();
      await screenshot(page, 'powers-auditor-after-enrolment');

      // The auditors were told: 权限变更 in the bell and the message centre.
      await page.goto(`${env.server.url}/notifications`);
      await page
        .getByText('冯立（安全管理员） 调整了 韩梅（审计员）（auditor2）：新建账户', { exact: false })
        .first()
        .waitFor();
    } finally {
      await context.close();
    }
  });
});
