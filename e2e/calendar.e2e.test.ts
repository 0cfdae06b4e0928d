import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, signIn, useServerAndBrowser } from './harness';

/** Types a start date and a count into 工作日计算, asks the server, and waits for the expected answer. */
async function expectDueDate(page: Page, from: string, workdays: number, expected: string): Promise<void> {
  const card = page.getByTestId('workday-calculator');
  await card.locator('#workday-count').fill(String(workdays));
  await card.locator('#workday-from').click();
  await card.locator('#workday-from').fill(from);
  // Enter confirms the date (and submits the inline form); the button asks again, harmlessly.
  await card.locator('#workday-from').press('Enter');
  await card.getByTestId('workday-compute').click();
  const result = card.getByTestId('workday-result');
  await expect.poll(async () => ((await result.count()) ? await result.textContent() : ''), { timeout: 15_000 }).toContain(expected);
}

describe('校历: the seeded vacations and the 工作日计算 preview', () => {
  const env = useServerAndBrowser();

  it('admin sees the demo 寒暑假 and previews deadlines that skip 国庆 and 寒假, in both languages', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await signIn(page, env.server.url, 'admin', env.server.password);
      await page.goto(`${env.server.url}/calendar`);
      await page.getByTestId('calendar-page').waitFor();
      for (const name of ['2026 年暑假', '2027 年寒假', '2027 年暑假']) {
        await expect.poll(async () => page.locator(`[data-testid=calendar-page] input[value="${name}"]`).count()).toBe(1);
      }
      // Friday 22 January 2027 + 1 working day: 寒假 runs to 21 February.
      await expectDueDate(page, '2027-01-22', 1, '2027-02-22（星期一）');
      // 30 September 2026 + 1 working day: 国庆 1–7 October is skipped.
      await expectDueDate(page, '2026-09-30', 1, '2026-10-08（星期四）');
      await page.getByTestId('workday-calculator').scrollIntoViewIfNeeded();
      await screenshot(page, 'calendar-workday-calculator');

      await page.evaluate(() => localStorage.setItem('eduflow.language', 'en'));
      await page.reload();
      await page.getByTestId('calendar-page').waitFor();
      await expectDueDate(page, '2027-01-22', 1, 'Due by 23:59 on Monday, 2027-02-22');
      await screenshot(page, 'calendar-workday-calculator-en');
    } finally {
      await context.close();
    }
  });
});
