import { describe, expect, it } from 'vitest';

import { appendAudit } from '../api/src/audit/append.js';
import { dbFileIn } from '../api/src/data-dir.js';
import { openDb, tx } from '../api/src/db/client.js';
import { closeDb } from '../api/src/db/client.js';
import { migrate } from '../api/src/db/migrate.js';
import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser } from './harness';

const DAY = 86_400_000;
const OLD_EVENTS = 25;

/** Last year's log: the data folder starts with 25 events from 400 days ago, and the demo district is seeded after them. */
async function lastYearsLog(dataDir: string) {
  const db = openDb(dbFileIn(dataDir));
  migrate(db);
  for (let i = 0; i < OLD_EVENTS; i++) {
    const at = new Date(Date.now() - (400 - i) * DAY).toISOString();
    await tx(
      db,
      async () =>
        await appendAudit(db, {
          at,
          actor: null,
          action: 'auth.login',
          entityType: 'Session',
          entityId: null,
          outcome: 'success',
          meta: { note: `去年的登录 ${i + 1}` },
        }),
    );
  }
  closeDb(db);
}

describe('audit archive: the auditor moves events past the 180-day retention to a verifiable file', () => {
  const env = useServerAndBrowser({ prepare: lastYearsLog });
  const open = signedInPages(env);

  it('auditor: the dialog defaults to 180 days ago, says how many events will go, archives them; the chain still verifies from its new anchor', async () => {
    const page = await open('auditor');
    await page.waitForURL(/\/audit/);
    await page.getByTestId('chain-ok').waitFor({ timeout: 20_000 });
    await page.getByTestId('audit-archive-open').click();

    const expected = new Date(Date.now() - 180 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
    const dateInput = page
      .locator('[data-testid=audit-archive-date] input, input[data-testid=audit-archive-date]')
      .first();
    expect(await dateInput.inputValue()).toBe(expected);
    const preview = page.getByTestId('audit-archive-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(`将归档第 1–${OLD_EVENTS} 条，共 ${OLD_EVENTS} 条记录`);
    await screenshot(page, 'audit-archive-preview');

    await page.getByTestId('audit-archive-confirm').click();
    const done = page.getByTestId('audit-archive-done');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain(`已归档 ${OLD_EVENTS} 条记录（第 1–${OLD_EVENTS} 条）`);
    await page.getByTestId('audit-archive-list').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'audit-archive-done');
    await page.getByTestId('audit-archive-close').click();

    // The banner names the new start of the chain; the list starts after the archived events.
    await expect
      .poll(async () => (await page.getByTestId('chain-ok').textContent()) ?? '', { timeout: 20_000 })
      .toContain(`审计链自第 ${OLD_EVENTS + 1} 条起校验`);
    await page.getByTestId('verify-full').click();
    await expect
      .poll(async () => (await page.getByTestId('chain-ok').textContent()) ?? '', { timeout: 30_000 })
      .toContain('本次从链起点完整校验了');

    const auditor = await apiSession(env.server.url, 'auditor', env.server.password);
    expect(await auditor('GET', '/audit/verify?full=1')).toMatchObject({ ok: true, anchor: { seq: OLD_EVENTS } });
    const archived = await auditor<{ items: Array<{ action: string; meta: { count: number } }> }>(
      'GET',
      '/audit?action=audit.archive',
    );
    expect(archived.items).toEqual([expect.objectContaining({ meta: expect.objectContaining({ count: OLD_EVENTS }) })]);
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    await expect(admin('GET', '/audit/archive/preview')).rejects.toThrow(/403/);
  });
});
