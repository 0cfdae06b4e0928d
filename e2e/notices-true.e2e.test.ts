import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { OUTPUT_DIR, screenshot, signedInPages, useServerAndBrowser, visit } from './harness';
import { photo } from './photo';
import { pickOption } from './select-option';

type Notice = { id: string; kind: string; instanceId: string | null; state: string | null; resolvedAt: string | null };
type View = { id: string; state: string; openTasks: Array<{ state: string }>; title: { 'zh-CN': string } };
type Row = { id: string; subjectName: string; title: { 'zh-CN': string } };

describe('issue 12.11: notifications stay true', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('(a) a to-do done by one reviewer reads 已办结 in the other’s 消息中心; principal1 keeps no 新待办 of work done', async () => {
    // principal1: every 新待办 still open asks for work that is still open.
    const p1 = await apiSession(env.server.url, 'principal1', env.server.password);
    const mine = (await p1<{ items: Notice[] }>('GET', '/notifications?kind=entered&limit=100')).items;
    expect(mine.some((n) => n.resolvedAt)).toBe(true);
    for (const n of mine.filter((x) => !x.resolvedAt)) {
      const view = await p1<View>('GET', `/instances/${n.instanceId}`);
      expect(
        view.openTasks.map((t) => t.state),
        view.title['zh-CN'],
      ).toContain(n.state);
    }

    const reviewer = await apiSession(env.server.url, 'reviewer', env.server.password);
    const waiting = (
      await reviewer<{ items: Row[] }>('GET', '/instances?definitionKey=campus-entry&state=bureauReview')
    ).items;
    const target = waiting.find((r) => r.title['zh-CN'] === '非遗剪纸体验课');
    expect(target).toBeDefined();
    const page = await open('reviewer', { at: `/instances/${target?.id}` });
    await page
      .locator('[data-testid=event-actions] button', { hasText: /^通\s*过$/ })
      .first()
      .click();
    await page.getByTestId('event-submit').click();
    await expect.poll(() => page.getByTestId('current-state').textContent(), { timeout: 20_000 }).toBe('学校确认');

    const other = await open('reviewer2', { at: '/notifications' });
    const row = other.locator('[data-testid=inbox-table] tr.ant-table-row', { hasText: '非遗剪纸体验课' });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('新待办');
    await row.first().getByTestId('inbox-resolved').waitFor();
    expect(await row.first().getByTestId('inbox-mark-read').count()).toBe(0);
    await screenshot(other, 'notices-resolved');
  });

  it('(b) a checklist photo drawn as a thumbnail is not a download in 办理记录; downloading it is', async () => {
    const inspector = await apiSession(env.server.url, 'inspector1', env.server.password);
    const [target] = (
      await inspector<{ items: Row[] }>('GET', '/instances?definitionKey=security-inspection&state=inspection')
    ).items;
    expect(target).toBeDefined();
    const page = await open('inspector1', {
      at: `/instances/${target.id}`,
      viewport: { width: 1024, height: 1366 },
      hasTouch: true,
    });
    await expect.poll(() => page.getByTestId('current-state').textContent()).toBe('现场检查');
    const saveDraft = async () => {
      await page.getByTestId('more-actions').click();
      await page.locator('.ant-dropdown-menu-item', { hasText: '暂存' }).click();
      const draft = page.locator('.ant-modal-content');
      const item = draft.getByTestId('finding-item-PHY-02');
      await item.waitFor();
      return { draft, item };
    };
    const { draft, item } = await saveDraft();
    // 不符合 opens the item's finding, with its photo row.
    await item.getByText('不符合', { exact: true }).click();
    await item.getByTestId('finding-editor-PHY-02').waitFor();
    await item.locator('input[type=file]').setInputFiles(photo('机房照片.png'));
    const thumbLoaded = (scope: typeof item) =>
      expect
        .poll(() =>
          scope
            .getByTestId('item-evidence-thumb')
            .locator('img')
            .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
        )
        .toBe(true);
    await thumbLoaded(item);
    await page.getByTestId('event-submit').click();
    await draft.waitFor({ state: 'hidden', timeout: 20_000 });
    // Opened again: the thumbnail is drawn again.
    const again = await saveDraft();
    await thumbLoaded(again.item);
    await screenshot(page, 'thumbnail-in-checklist');
    await page.keyboard.press('Escape');
    await again.draft.waitFor({ state: 'hidden' });

    const history = page.getByTestId('history');
    await page.getByRole('button', { name: /刷新/ }).click();
    await expect.poll(() => history.textContent()).toContain('上传附件');
    expect(await history.textContent()).not.toContain('下载附件');

    const download = page.waitForEvent('download');
    await page.getByTestId('attachment-row').filter({ hasText: '机房照片.png' }).getByLabel('下载').click();
    expect((await download).suggestedFilename()).toBe('机房照片.png');
    await page.getByRole('button', { name: /刷新/ }).click();
    await expect.poll(() => history.textContent()).toContain('下载附件');
    await screenshot(page, 'thumbnail-download-history');
  });

  it('(c) 到期自动处理 says which step, what the system did and why; the 督办 notice says it too', async () => {
    // The bureau is told of every overdue step (the demo's past has some).
    const page = await open('reviewer', { at: '/notifications' });
    const table = page.getByTestId('inbox-table');
    await pickOption(page.getByTestId('inbox-kind'), '逾期督办');
    const row = table.locator('tr.ant-table-row').first();
    await row.waitFor();
    const detail = await row.getByTestId('inbox-detail').textContent();
    expect(detail).toMatch(/「.+」已超过办理时限，系统自动督办/);
    await screenshot(page, 'timer-notice');
    await row.getByTestId('inbox-open').click();
    await page.waitForURL(/\/instances\/[^/?]+$/);
    const timer = page
      .getByTestId('history')
      .getByTestId('history-timer')
      .filter({ hasText: '已超过办理时限' })
      .first();
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/「.+」已超过办理时限，系统自动督办：通知办理人.*原因：办理时限 .+ 已过/);
    await timer.scrollIntoViewIfNeeded();
    await screenshot(page, 'timer-history');
  });

  it('(d, e) bulk start names the schools already running the round, found by name in 按姓名搜索 pickers; skipping starts the rest', async () => {
    // From the to-do list, which asks for no organisations (the dashboard, the reviewer's home, asks for all).
    const page = await open('reviewer', { at: '/tasks' });
    // The list asks for what it shows; the dialog's list of every organisation only once it is opened.
    const asked: URL[] = [];
    page.on('request', (r) => asked.push(new URL(r.url())));
    const everyOrg = () => asked.filter((u) => u.pathname === '/api/orgs' && !u.searchParams.has('type')).length;
    await visit(page, '/instances');
    await page.locator('[data-testid=instance-table] tbody tr.ant-table-row').first().waitFor();
    expect(everyOrg()).toBe(0);
    await page.getByTestId('bulk-start').click();
    const modal = page.locator('.ant-modal-content');
    await pickOption(modal.locator('#definitionId'), '网络安全检查');
    expect(everyOrg()).toBe(1);
    await modal.getByRole('button', { name: /^中\s*学$/ }).click();
    // (e) The inspector is found by name, and the field says so.
    const picker = modal.getByTestId('user-picker');
    expect(await picker.textContent()).toContain('按姓名搜索网络安全检查员');
    expect(await modal.textContent()).not.toContain('用户 ID');
    await pickOption(picker, '周强', '周强');
    await page.keyboard.press('Escape');
    await modal.locator('#round').fill('2026年秋季网络安全检查');
    await page.getByTestId('bulk-start-run').click();
    const warning = page.getByTestId('bulk-open-in-round');
    await warning.waitFor();
    const busy = await warning.getByTestId('bulk-open-school').allTextContents();
    expect(busy.length).toBeGreaterThan(0);
    expect(await warning.textContent()).toContain('已有「2026年秋季网络安全检查」进行中的同一流程');
    await warning.scrollIntoViewIfNeeded();
    // The modal scrolls inside the viewport: picture the viewport, not the page behind it.
    await page.screenshot({ path: join(OUTPUT_DIR, 'bulk-open-in-round.png') });
    await page.getByTestId('bulk-skip-open').click();
    await page.getByTestId('bulk-result').waitFor({ timeout: 30_000 });
    await screenshot(page, 'bulk-open-skipped');

    // No secondary school runs the round twice.
    const reviewer = await apiSession(env.server.url, 'reviewer', env.server.password);
    const running = (
      await reviewer<{ items: Row[] }>('GET', '/instances?definitionKey=security-inspection&status=running&limit=100')
    ).items.filter((r) => r.title['zh-CN'].includes('2026年秋季网络安全检查'));
    const schools = running.map((r) => r.subjectName);
    expect(new Set(schools).size).toBe(schools.length);
  });

  it('(e) the auditor finds an actor in the audit log by name, and reads instances without a way to start one', async () => {
    const page = await open('auditor', { at: '/audit' });
    const picker = page.getByTestId('user-picker');
    await picker.waitFor();
    expect(await picker.textContent()).toContain('按姓名搜索');
    await pickOption(picker, '李文静', '李文静');
    await page.locator('form button[type=submit]').first().click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    // Every row is hers (the actor column reads 李文静（基教科）).
    await expect.poll(async () => (await rows.allTextContents()).every((text) => text.includes('李文静'))).toBe(true);
    await screenshot(page, 'audit-actor-by-name');
    // The auditor reads instances and has no way to start one.
    await visit(page, '/instances');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: /发起流程/ }).count()).toBe(0);
  });
});
