import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { fillRequiredFields } from './fill-form';
import { screenshot, signIn, useServerAndBrowser, visit } from './harness';

/** A 1×1 PNG: small, and a real image the API's magic-byte check accepts. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('principal journey', () => {
  const env = useServerAndBrowser();

  it('signs in, opens a task from the inbox, acts on it and sees the state move on', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await signIn(page, env.server.url, 'principal1', env.server.password);
    await page.getByTestId('school-home').waitFor();
    await screenshot(page, 'principal-home');
    await visit(page, `/tasks`);
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

    // Evidence: a photo uploaded to the instance shows up with its SHA-256.
    await page
      .getByTestId('attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: '机房门禁照片.png', mimeType: 'image/png', buffer: PNG });
    const row = page.getByTestId('attachment-row').first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('机房门禁照片.png');
    expect(await row.getByTestId('attachment-sha').textContent()).toContain(
      createHash('sha256').update(PNG).digest('hex').slice(0, 16),
    );
    await page.getByTestId('attachments').scrollIntoViewIfNeeded();
    await screenshot(page, 'principal-evidence');

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
