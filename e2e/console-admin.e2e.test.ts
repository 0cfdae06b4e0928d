import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser } from './harness';
import { photo } from './photo';
import { pickOption } from './select-option';

/** A district calendar day (Asia/Shanghai), `days` from today, as the date pickers type it. */
function districtDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

type Inbox = { items: Array<{ id: string; instanceId: string }> };

describe('console: account, settings and bulk journeys', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  async function pickRange(page: Page, scope: string, from: string, to: string): Promise<void> {
    const inputs = page.locator(`${scope} .ant-picker-range input`);
    await inputs.nth(0).click();
    await inputs.nth(0).fill(from);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(to);
    // Enter confirms the end date and, as in any antd form, submits it.
    await inputs.nth(1).press('Enter');
  }

  it('principal1: 代岗委托 — a too-long window is refused on the field, then a week to teacher1, seen by teacher1, revoked', async () => {
    const page = await open('principal1', { at: '/account' });
    const card = page.getByTestId('delegation-card');
    await card.waitFor();
    await card.getByText('暂无代岗委托。').waitFor();
    await screenshot(page, 'delegation-empty');

    const form = page.getByTestId('delegation-form');
    await form.getByTestId('user-picker').click();
    await page.keyboard.type('赵雨欣');
    await page.locator('.ant-select-item-option', { hasText: '赵雨欣' }).click();
    await form.locator('textarea').fill('外出参加市级培训');
    await pickRange(page, '[data-testid=delegation-form]', districtDay(0), districtDay(120));
    // The server's 422 (at most 90 days) lands on the window field, in Chinese.
    await form.locator('.ant-form-item-explain-error', { hasText: '委托期限不能超过 90 天' }).waitFor();
    await screenshot(page, 'delegation-refused');

    await pickRange(page, '[data-testid=delegation-form]', districtDay(0), districtDay(7));
    await page.locator('.ant-message-notice', { hasText: '已委托' }).waitFor();
    // The form is ready for the next one: emptied, with no errors left on it.
    expect(await form.locator('.ant-form-item-explain-error').count()).toBe(0);
    const rows = card.locator('[data-testid=delegation-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? '';
    expect(row).toContain('我委托他人');
    expect(row).toContain('赵雨欣');
    expect(row).toContain('生效中');
    await screenshot(page, 'delegation-created');

    // The delegate sees it as held, and cannot revoke it.
    const teacher = await open('teacher1', { at: '/account' });
    const held = teacher.locator('[data-testid=delegation-table] tbody tr.ant-table-row');
    await held.first().waitFor();
    expect(await held.first().textContent()).toContain('他人委托我');
    expect(await held.getByTestId('delegation-revoke').count()).toBe(0);

    await rows.first().getByTestId('delegation-revoke').click();
    await page.locator('.ant-popconfirm .ant-popconfirm-buttons .ant-btn-dangerous').click();
    await expect.poll(async () => (await rows.first().textContent()) ?? '').toContain('已撤销');
    expect(await rows.first().getByTestId('delegation-revoke').count()).toBe(0);
    const t1 = await apiSession(env.server.url, 'teacher1', env.server.password);
    const theirs = await t1<{ items: Array<{ active: boolean; revokedAt: string | null }> }>('GET', '/delegations');
    expect(theirs.items).toEqual([expect.objectContaining({ active: false, revokedAt: expect.any(String) })]);
  });

  it('inspector1 on a tablet: a failed PHY-02 without its photo is refused on that row; a camera photo on the row lets findings through', async () => {
    const inspector = await apiSession(env.server.url, 'inspector1', env.server.password);
    const list = await inspector<{ items: Array<{ id: string; subjectName: string }> }>(
      'GET',
      '/instances?definitionKey=security-inspection&state=inspection',
    );
    const target = list.items[0];
    expect(target).toBeDefined();
    const page = await open('inspector1', {
      at: `/instances/${target?.id}`,
      viewport: { width: 1024, height: 1366 },
      hasTouch: true,
    });
    await expect.poll(() => page.getByTestId('current-state').textContent()).toBe('现场检查');

    // Item by item: PHY-02 fails and becomes a finding; the row says it needs its own evidence.
    await page.getByTestId('more-actions').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '暂存' }).click();
    const draft = page.locator('.ant-modal-content');
    const item = draft.getByTestId('finding-item-PHY-02');
    await item.waitFor();
    await item.getByText('不符合', { exact: true }).click();
    await item.getByTestId('finding-editor-PHY-02').waitFor();
    await item.getByText('该项不符合时须附佐证').waitFor();
    expect(await item.getByTestId('item-evidence-count-PHY-02').textContent()).toBe('佐证 0');
    // The row's file input opens the tablet's rear camera for photos.
    const input = item.locator('input[type=file]');
    expect(await input.getAttribute('capture')).toBe('environment');
    expect(await input.getAttribute('accept')).toContain('image/*');
    await page.getByTestId('event-submit').click();
    await draft.waitFor({ state: 'hidden', timeout: 20_000 });

    // 提出整改问题 without the photo: refused, and the checklist opens on that row with the reason.
    await page.locator('[data-testid=event-actions] button', { hasText: '提出整改问题' }).click();
    const modal = page.locator('.ant-modal-content');
    await modal.locator('#__comment').fill('机房消防设施不全，限期整改。');
    await page.getByTestId('event-submit').click();
    await modal.getByTestId('event-error').waitFor();
    const row = modal.getByTestId('finding-item-PHY-02');
    await row.getByTestId('item-evidence-error-PHY-02').waitFor();
    expect(await row.getByTestId('item-evidence-error-PHY-02').textContent()).toContain(
      'PHY-02 判定为不符合，须上传现场照片或文件作为佐证',
    );
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'inspector-item-evidence-refused');

    // A photo on that row (what the camera hands back): counted, shown as a thumbnail, the message goes.
    await row.locator('input[type=file]').setInputFiles(photo('机房消防照片.png'));
    await expect.poll(() => row.getByTestId('item-evidence-count-PHY-02').textContent()).toBe('佐证 1');
    await row.getByTestId('item-evidence-thumb').waitFor();
    expect(await row.getByTestId('item-evidence-error-PHY-02').count()).toBe(0);
    await screenshot(page, 'inspector-item-evidence-attached');

    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => page.getByTestId('current-state').textContent(), { timeout: 20_000 }).toBe('问题整改');
    // The instance's evidence list groups the photo under its item.
    const group = page.getByTestId('evidence-group-PHY-02');
    await group.waitFor();
    expect(await group.getByTestId('attachment-row').allTextContents()).toEqual([
      expect.stringContaining('机房消防照片.png'),
    ]);
    await group.scrollIntoViewIfNeeded();
    await screenshot(page, 'inspector-item-evidence-list');
  });

  it('admin: 校历 — a new vacation is saved, still there after a reload, and is what the API counts deadlines against', async () => {
    const page = await open('admin', { at: '/calendar' });
    await page.getByTestId('calendar-page').waitFor();
    await page.getByRole('button', { name: '新增假期' }).click();
    await page.getByPlaceholder('假期名称').last().fill('春季研学假');
    const range = page.locator('[data-testid=calendar-page] .ant-picker-range').last().locator('input');
    await range.nth(0).click();
    await range.nth(0).fill('2027-04-06');
    await range.nth(0).press('Enter');
    await range.nth(1).fill('2027-04-08');
    // Enter confirms the end date and submits the form (保存).
    await range.nth(1).press('Enter');
    await page.locator('.ant-message-notice', { hasText: '校历已保存' }).waitFor();
    await page.reload();
    await page.getByTestId('calendar-page').waitFor();
    await expect
      .poll(async () => page.locator('[data-testid=calendar-page] input[value="春季研学假"]').count())
      .toBe(1);
    await screenshot(page, 'calendar-vacation-saved');
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const cal = await admin<{ vacations: Array<{ name: string; from: string; to: string }> }>('GET', '/calendar');
    expect(cal.vacations).toContainEqual({ name: '春季研学假', from: '2027-04-06', to: '2027-04-08' });
  });

  it('admin: 用户与角色 — create with a role grant (generated password shown once), edit, and a duplicate username is refused on the field', async () => {
    const page = await open('admin', { at: '/users' });
    await page.locator('[data-testid=user-table] tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const modal = page.locator('.ant-modal-content');
    await modal.locator('#username').fill('inspector9');
    await modal.locator('#displayName').fill('钱进（网络安全检查员）');
    await modal.getByRole('button', { name: '添加角色授权' }).click();
    await pickOption(modal.getByRole('combobox', { name: '角色', exact: true }), '网络安全检查员');
    await pickOption(modal.getByRole('combobox', { name: '所属单位', exact: true }), '公共服务局', '公共服务局');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.getByTestId('generated-password').waitFor();
    expect(((await modal.getByTestId('generated-password').textContent()) ?? '').length).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'users-created');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });

    const find = async (q: string) => {
      await page.getByPlaceholder('输入姓名或用户名搜索').fill(q);
      await page.getByPlaceholder('输入姓名或用户名搜索').press('Enter');
      return page.locator('[data-testid=user-table] tbody tr.ant-table-row');
    };
    let rows = await find('inspector9');
    await expect.poll(async () => (await rows.allTextContents()).join('|')).toContain('inspector9');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('网络安全检查员 · 重庆高新区公共服务局');

    await rows.first().getByRole('button', { name: '编辑' }).click();
    await modal.locator('#displayName').fill('钱进（区网络安全检查员）');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    rows = await find('inspector9');
    await expect.poll(async () => (await rows.first().textContent()) ?? '').toContain('钱进（区网络安全检查员）');

    await page.getByRole('button', { name: '新建用户' }).click();
    await modal.locator('#username').fill('inspector9');
    await modal.locator('#displayName').fill('重名');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '用户名已存在' }).waitFor();
    await screenshot(page, 'users-duplicate');
  });

  it('admin: 移交待办 — a departing inspector’s open tasks go to a successor, with the count reported; nothing is left to move', async () => {
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const district = (await admin<{ items: Array<{ id: string; type: string }> }>('GET', '/orgs?type=district'))
      .items[0];
    await admin('POST', '/users', {
      username: 'inspector8',
      displayName: '孙涛（接替检查员）',
      password: 'Successor#2026',
      roles: [{ role: 'inspector', orgId: district?.id }],
    });
    const inspector1 = await apiSession(env.server.url, 'inspector1', env.server.password);
    const before = (await inspector1<Inbox>('GET', '/tasks?limit=100')).items;
    expect(before.length).toBeGreaterThan(0);
    const page = await open('admin', { at: '/users?q=inspector1' });
    const row = page.locator('[data-testid=user-table] tbody tr.ant-table-row', { hasText: 'inspector1' });
    await row.waitFor();
    await row.getByRole('button', { name: '移交' }).click();
    const modal = page.locator('.ant-modal-content');
    await modal.getByText('原办理人').waitFor();
    // The server moves everything the person holds in a running instance, not just inbox tasks: the hint says so.
    const hint = (await modal.locator('.ant-typography-secondary').first().textContent()) ?? '';
    expect(hint).toContain('审核席位');
    expect(hint).toContain('分工指派');
    await pickOption(modal.getByTestId('user-picker').last(), '孙涛', '孙涛');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    const result = modal.locator('.ant-alert', { hasText: /已移交 \d+ 个流程/ });
    await result.waitFor({ timeout: 30_000 });
    const text = (await result.textContent()) ?? '';
    const moved = Number(/已移交 (\d+) 个流程/.exec(text)?.[1]);
    // The figure counts instances (one move each), at least those the inbox tasks belonged to.
    expect(moved).toBeGreaterThanOrEqual(new Set(before.map((t) => t.instanceId)).size);
    expect(text).toContain('失败 0 个');
    await screenshot(page, 'users-reassign-done');
    expect((await inspector1<Inbox>('GET', '/tasks?limit=100')).items).toEqual([]);
    const successor = await apiSession(env.server.url, 'inspector8', 'Successor#2026');
    const after = (await successor<Inbox>('GET', '/tasks?limit=100')).items;
    expect(new Set(after.map((t) => t.instanceId))).toEqual(new Set(before.map((t) => t.instanceId)));
    await page.locator('.ant-modal-close').click();
    await modal.waitFor({ state: 'hidden' });
    // Again: inspector1 holds nothing any more.
    await row.getByRole('button', { name: '移交' }).click();
    await pickOption(modal.getByTestId('user-picker').last(), '孙涛', '孙涛');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.locator('.ant-alert', { hasText: '已移交 0 个流程' }).waitFor({ timeout: 30_000 });
  });

  it('reviewer: 批量催办 from the instance list chases the selected instances’ open tasks and says how many', async () => {
    const page = await open('reviewer', { at: '/instances' });
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const boxes = page.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox-input:not([disabled])');
    for (let i = 0; i < 3; i += 1) await boxes.nth(i).check();
    const chase = page.getByTestId('bulk-chase');
    expect(await chase.textContent()).toContain('催办所选（3）');
    await screenshot(page, 'instances-bulk-chase-selected');
    await chase.click();
    const done = page.locator('.ant-message-notice', { hasText: /已催办 \d+ 项待办/ });
    await done.waitFor({ timeout: 30_000 });
    const text = (await done.textContent()) ?? '';
    const [, chased, total] = /已催办 (\d+) 项待办（共 (\d+) 项）/.exec(text) ?? [];
    expect(Number(chased)).toBeGreaterThan(0);
    expect(chased).toBe(total);
    expect(text).toContain('失败 0 项');
    // The selection is cleared once done.
    expect(await page.getByTestId('bulk-chase').count()).toBe(0);
  });
});
