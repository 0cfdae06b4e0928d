import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { fitsWidth, shoot, TABLET, withinScreen } from './devices';
import { signedInPages, useServerAndBrowser, visit } from './harness';

// Issue 12.8: inspector1 works on a tablet held upright. At 768 px the findings ledger pushed 风险等级, 整改状态
// and 办理时限 off the right edge; the whole journey — inbox, an inspection's findings, the ledger, 复核 — must
// fit the screen with the name and the columns that decide the work in view.
describe('inspector1 on a tablet (768×1024): inbox → findings → ledger → 复核', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);
  const errors: string[] = [];

  const state = (page: Page) => page.getByTestId('current-state').textContent();
  const action = (page: Page, name: string) =>
    page.locator('[data-testid=event-actions] button', { hasText: name }).click();
  /** The inbox as a table (a tablet is md), its row for a step; the header's name whole beside it. */
  const inboxRow = async (page: Page, step: string) => {
    await visit(page, `/tasks`);
    const table = page.locator('[data-testid=task-table]');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await table.getAttribute('data-layout')).toBeNull();
    const name = page.getByTestId('current-user');
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await withinScreen(page, name);
    for (const header of ['名称', '当前环节', '办理期限'])
      await withinScreen(page, table.getByRole('columnheader', { name: header }));
    await fitsWidth(page);
    return table.locator('tbody tr.ant-table-row', { hasText: step }).first();
  };
  let school = '';

  it('opens the on-site inspection from 我的待办, fails an item and raises its finding; the school moves to 问题整改', async () => {
    const page = await open('inspector1', { viewport: TABLET, hasTouch: true, onError: (m) => errors.push(m) });
    const row = await inboxRow(page, '现场检查');
    school = ((await row.locator('td').nth(2).textContent()) ?? '').trim();
    expect(school).toMatch(/学校|中学|小学/);
    await shoot(page, 'inspector-tablet-inbox');
    // The row's title is its link (Tab reaches it, a tap opens it).
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    await expect.poll(() => state(page)).toBe('现场检查');
    await fitsWidth(page);

    await action(page, '提出整改问题');
    const modal = page.locator('.ant-modal-content');
    const item = modal.getByTestId('finding-item-APP-01');
    await item.waitFor();
    await item.getByText('不符合', { exact: true }).click();
    const editor = modal.getByTestId('finding-editor-APP-01');
    await editor.waitFor();
    await editor.getByText('高风险', { exact: true }).click();
    await editor.getByPlaceholder('现场发现的问题（选填）').fill('教务系统未完成等保备案');
    await modal.locator('#__comment').fill('教务系统未备案，限期整改。');
    await fitsWidth(page);
    await withinScreen(page, page.getByTestId('event-submit'));
    await shoot(page, 'inspector-tablet-raise');
    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('问题整改');
    await page.getByTestId('findings-card').getByTestId('findings-card-APP-01').waitFor();
    await fitsWidth(page);
    await shoot(page, 'inspector-tablet-raised');
  });

  it('the 整改问题 ledger keeps 风险等级, 整改状态 and 办理时限 on the screen; the new finding is there', async () => {
    const page = await open('inspector1', {
      at: '/findings',
      viewport: TABLET,
      hasTouch: true,
      onError: (m) => errors.push(m),
    });
    const table = page.getByTestId('finding-table');
    const rows = table.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    for (const header of ['学校', '检查项', '风险等级', '整改状态', '办理时限'])
      await withinScreen(page, table.getByRole('columnheader', { name: header }));
    const mine = rows.filter({ hasText: school }).filter({ hasText: 'APP-01' }).first();
    await mine.waitFor();
    await withinScreen(page, mine.getByTestId('finding-severity'));
    expect(await mine.getByTestId('finding-severity').textContent()).toBe('高风险');
    await withinScreen(page, mine.getByTestId('finding-status'));
    expect(await mine.getByTestId('finding-status').textContent()).toBe('整改中');
    await withinScreen(
      page,
      mine
        .locator('td')
        .filter({ hasText: /\d{4}-\d{2}-\d{2}/ })
        .last(),
    );
    // The table does not scroll sideways at this width: every column it shows fits.
    expect(await table.locator('.ant-table-content').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await fitsWidth(page);
    await shoot(page, 'inspector-tablet-ledger');
    // The item is the row's link to its inspection.
    await mine
      .getByRole('link', { name: /等保|备案|系统/ })
      .first()
      .click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    await expect.poll(() => state(page)).toBe('问题整改');
  });

  it('later opens a 整改复核 from 我的待办 and passes it: the inspection is closed', async () => {
    const page = await open('inspector1', { viewport: TABLET, hasTouch: true, onError: (m) => errors.push(m) });
    const row = await inboxRow(page, '整改复核');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    await expect.poll(() => state(page)).toBe('整改复核');
    await action(page, '复核通过');
    const modal = page.locator('.ant-modal-content');
    await modal.locator('#__comment').fill('整改到位。');
    await fitsWidth(page);
    await shoot(page, 'inspector-tablet-verify');
    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('已办结');
    await fitsWidth(page);
    expect(errors).toEqual([]);
  });
});
