import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser, visit } from './harness';

type NotificationPage = {
  items: Array<{ id: string; kind: string; instanceId: string | null; readAt: string | null }>;
  nextCursor: string | null;
};
type View = { state: string; definition: { id: string }; subject: { orgId: string } };

describe('notifications: the bell and the 消息中心 page', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('principal1: the bell’s 查看全部 opens the page; filter, mark one, open one, mark all — only theirs', async () => {
    const p1 = await apiSession(env.server.url, 'principal1', env.server.password);
    const p2 = await apiSession(env.server.url, 'principal2', env.server.password);
    const unread = async (call: typeof p1) =>
      (await call<NotificationPage>('GET', '/notifications?unread=1&limit=100')).items;
    // To-do notices are resolved (and leave the unread view) once their task closes (issue 12.11), so the
    // seeded desk may hold only two: the bureau opens two more 自查 rounds of principal1's school.
    const reviewer = await apiSession(env.server.url, 'reviewer', env.server.password);
    const seeded = await unread(p1);
    const selfCheck = await Promise.all(seeded.map((n) => p1<View>('GET', `/instances/${n.instanceId}`)));
    const round = selfCheck.find((v) => v.state === 'selfCheck');
    expect(round).toBeDefined();
    for (let i = 0; i < 2; i++)
      await reviewer('POST', '/instances', {
        definitionId: round?.definition.id,
        subjectOrgId: round?.subject.orgId,
        data: { round: `通知测试批次 ${i + 1}` },
      });
    const before = await unread(p1);
    const theirsBefore = (await unread(p2)).length;
    expect(before.length).toBeGreaterThan(1);
    expect(theirsBefore).toBeGreaterThan(0);

    const page = await open('principal1');
    // The menu entry carries the unread count.
    await expect
      .poll(
        async () =>
          (await page.getByTestId('menu-unread-badge').locator('.ant-scroll-number').first().textContent()) ?? '',
      )
      .toMatch(/\d/);
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-list').locator('.ant-list-item').first().waitFor();
    await page.getByTestId('notification-view-all').click();
    await page.waitForURL(/\/notifications/);
    const rows = page.locator('[data-testid=inbox-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    await screenshot(page, 'notifications-page');

    // 未读 + 新待办: only unread new-task rows.
    await page.getByTestId('inbox-show').getByText('未读').click();
    await page.waitForURL(/unread/);
    await page.getByTestId('inbox-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '新待办' }).click();
    await page.waitForURL(/kind/);
    await rows.first().waitFor();
    const expectedEntered = before.filter((n) => n.kind === 'entered').length;
    await expect.poll(() => rows.count()).toBe(Math.min(expectedEntered, 20));
    expect(new Set(await rows.locator('td:nth-child(2)').allTextContents())).toEqual(new Set(['新待办']));
    expect(new Set(await rows.locator('td:nth-child(1)').allTextContents())).toEqual(new Set(['未读']));

    // Mark one read: it leaves the unread view, and the API agrees.
    await rows.first().getByTestId('inbox-mark-read').click();
    await expect.poll(async () => (await unread(p1)).length).toBe(before.length - 1);
    await expect.poll(() => rows.count()).toBe(Math.min(expectedEntered - 1, 20));

    // Click-through: opens the instance and marks it read.
    await rows.first().getByTestId('inbox-open').click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}/);
    await page.getByTestId('instance-header').waitFor();
    await expect.poll(async () => (await unread(p1)).length).toBe(before.length - 2);

    // Mark all read: the unread view is empty, the menu badge is gone, principal2's are untouched.
    await visit(page, `/notifications`);
    await page.getByTestId('inbox-show').getByText('未读').click();
    await rows.first().waitFor();
    await page.getByTestId('read-all').click();
    await page.locator('.ant-message-notice', { hasText: `已将 ${before.length - 2} 条消息标为已读` }).waitFor();
    await page
      .locator('[data-testid=inbox-table] .ant-empty, [data-testid=inbox-table] .ant-table-placeholder')
      .first()
      .waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    expect(await page.getByText('没有未读消息，已全部处理。').count()).toBe(1);
    expect(await unread(p1)).toEqual([]);
    expect((await unread(p2)).length).toBe(theirsBefore);
    await expect.poll(() => page.getByTestId('menu-unread-badge').locator('.ant-scroll-number').count()).toBe(0);
    await screenshot(page, 'notifications-all-read');

    // 全部: every one still listed, now read.
    await page.getByTestId('inbox-show').getByText('全部').click();
    await rows.first().waitFor();
    // The page cached before 全部标为已读 may show for a moment until its refetch lands.
    // A to-do whose task has closed reads 已办结 rather than 已读; none reads 未读.
    const states = () => rows.locator('td:nth-child(1)').allTextContents();
    await expect.poll(async () => (await states()).includes('未读')).toBe(false);
    expect(await states()).toContain('已读');
  });
});
