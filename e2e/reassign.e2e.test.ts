import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signIn, useServerAndBrowser } from './harness';

type Inbox = { items: Array<{ id: string; instanceId: string }> };

describe('人员 → 移交: a departing inspector’s work goes to a successor', () => {
  const env = useServerAndBrowser();

  it('admin picks the successor in the modal; the inspector’s open tasks (in steps with or without 转办) and assignments move', async () => {
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const { items: districts } = await admin<{ items: Array<{ id: string }> }>('GET', '/orgs?type=district');
    await admin('POST', '/users', {
      username: 'inspector9',
      displayName: '吴新检查员',
      password: 'Succ3ssor#2026',
      roles: [{ role: 'inspector', orgId: districts[0]?.id }],
    });
    const inspector1 = await apiSession(env.server.url, 'inspector1', env.server.password);
    const before = (await inspector1<Inbox>('GET', '/tasks?limit=100')).items;
    expect(before.length).toBeGreaterThan(0);

    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await signIn(page, env.server.url, 'admin', env.server.password);
      await page.goto(`${env.server.url}/users`);
      await page.locator('#q').fill('inspector1');
      await page.locator('form button[type=submit]').first().click();
      const row = page.locator('[data-testid=user-table] tbody tr.ant-table-row', { hasText: 'inspector1' }).first();
      await row.getByRole('button', { name: /移\s*交/ }).click();
      const modal = page.locator('.ant-modal', { hasText: '移交待办' });
      await modal.waitFor();
      // The server fires REASSIGN per running instance: the hint names everything that moves, not just tasks.
      const hint = (await modal.locator('.ant-typography-secondary').first().textContent()) ?? '';
      expect(hint).toContain('审核席位');
      expect(hint).toContain('分工指派');
      const successor = modal.getByTestId('user-picker').nth(1);
      await successor.click();
      await successor.locator('input').fill('吴新');
      await page.locator('.ant-select-item-option', { hasText: '吴新检查员' }).click();
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      const result = modal.locator('.ant-alert');
      await expect
        .poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 })
        .toMatch(/已移交 \d+ 个流程，失败 0 个/);
      // The figure counts instances (one REASSIGN each), at least those the inbox tasks belonged to.
      const moved = Number(/已移交 (\d+) 个流程/.exec((await result.textContent()) ?? '')?.[1]);
      expect(moved).toBeGreaterThanOrEqual(new Set(before.map((t) => t.instanceId)).size);
      await screenshot(page, 'reassign-modal-result');
    } finally {
      await context.close();
    }

    expect((await inspector1<Inbox>('GET', '/tasks?limit=100')).items).toEqual([]);
    const inspector9 = await apiSession(env.server.url, 'inspector9', 'Succ3ssor#2026');
    const after = (await inspector9<Inbox>('GET', '/tasks?limit=100')).items;
    expect(new Set(after.map((t) => t.instanceId))).toEqual(new Set(before.map((t) => t.instanceId)));
  });
});
