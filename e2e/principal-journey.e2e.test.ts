import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, signIn, startServer, type RunningServer } from './harness';
import { fillRequiredFields } from './fill-form';

describe('principal journey', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in, opens a task from the inbox, acts on it and sees the state move on', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await signIn(page, server.url, 'principal1', server.password);
    await page.waitForURL(/\/tasks/);
    await page.getByTestId('current-user').waitFor();
    const rows = page.locator('[data-testid=task-table] tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 20_000 });
    expect(await rows.count()).toBeGreaterThan(0);
    await screenshot(page, 'principal-inbox');

    await rows.first().click();
    await page.waitForURL(/\/instances\/[^/]+$/);
    const state = page.getByTestId('current-state');
    await state.waitFor();
    const before = (await state.textContent())?.trim();
    await screenshot(page, 'principal-instance-before');

    const action = page.locator('[data-testid=event-actions] button:not([disabled])').first();
    await action.waitFor({ timeout: 10_000 });
    await action.click();
    const modal = page.locator('.ant-modal-content');
    await modal.waitFor();
    await fillRequiredFields(modal);
    await modal.locator('#__comment').fill('同意，已核实。');
    await screenshot(page, 'principal-event-modal');
    await page.getByTestId('event-submit').click();

    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(async () => (await state.textContent())?.trim(), { timeout: 20_000 }).not.toBe(before);
    await screenshot(page, 'principal-instance-after');
    expect(pageErrors).toEqual([]);
  });
});
