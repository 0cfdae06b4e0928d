import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { screenshot, signedInPages, useServerAndBrowser } from './harness';

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
  await expect
    .poll(async () => ((await result.count()) ? await result.textContent() : ''), { timeout: 15_000 })
    .toContain(expected);
}

/**
 * A made-up ICS for a test year — NOT an official arrangement: 测试国庆 1–7 October off and the first
 * Saturday after it worked, in the shape of a holiday subscription (休 / 班 in the summaries).
 */
function testIcs(year: number): string {
  const d = (date: Date) => date.toISOString().slice(0, 10).replaceAll('-', '');
  const saturday = new Date(Date.UTC(year, 9, 8));
  while (saturday.getUTCDay() !== 6) saturday.setUTCDate(saturday.getUTCDate() + 1);
  const next = new Date(saturday.getTime() + 86_400_000);
  const event = (start: string, end: string, summary: string) => [
    'BEGIN:VEVENT',
    `UID:${start}@e2e`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${summary}`,
    'END:VEVENT',
  ];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//EduFlow e2e//CN',
    ...event(`${year}1001`, `${year}1008`, '测试国庆(休)'),
    ...event(d(saturday), d(next), '测试国庆(班)'),
    'END:VCALENDAR',
  ].join('\r\n');
}

type Coverage = { years: Array<{ year: number; source: string | null }>; uncoveredDeadlines: Array<{ year: number }> };

describe('校历: the seeded vacations, the 工作日计算 preview, and loading a year the holiday package does not cover', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('admin sees the demo 寒暑假 and previews deadlines that skip 国庆 and 寒假, in both languages', async () => {
    const page = await open('admin', { viewport: { width: 1440, height: 1000 }, at: '/calendar' });
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
    // Opened in English, the page says so (a screen reader's voice follows <html lang>).
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectDueDate(page, '2027-01-22', 1, 'Due by 23:59 on Monday, 2027-02-22');
    await screenshot(page, 'calendar-workday-calculator-en');
  });

  it('admin is warned in the console, imports the year from an ICS file (a bad one is refused by line) and the warning goes away', async () => {
    const page = await open('admin', { viewport: { width: 1440, height: 1000 } });
    const banner = page.getByTestId('calendar-coverage-banner');
    await banner.waitFor();
    await expect.poll(async () => banner.textContent()).toMatch(/法定节假日/);
    await expect.poll(async () => page.locator('.ant-skeleton').count(), { timeout: 15_000 }).toBe(0);
    await screenshot(page, 'calendar-coverage-banner');

    const coverage = await page.evaluate(
      async () => (await (await fetch('/api/calendar/coverage')).json()) as Coverage,
    );
    const toLoad = [
      ...new Set([
        ...coverage.years.filter((y) => y.source === null).map((y) => y.year),
        ...coverage.uncoveredDeadlines.map((d) => d.year),
      ]),
    ].sort();
    expect(toLoad.length).toBeGreaterThan(0);

    await banner.getByRole('link').first().click();
    await page.getByTestId('statutory-card').waitFor();
    await expect.poll(async () => page.getByTestId(`coverage-${toLoad[0]}`).textContent()).toContain('未覆盖');
    await screenshot(page, 'calendar-statutory-uncovered');

    // The form, as an admin would open it first (not saved here).
    await page.getByTestId('statutory-add').click();
    await page.getByTestId('statutory-form').waitFor();
    await screenshot(page, 'calendar-statutory-form');
    await page.keyboard.press('Escape');
    await page.getByTestId('statutory-form').waitFor({ state: 'detached' });

    for (const [i, year] of toLoad.entries()) {
      await page.getByTestId('statutory-import-open').click();
      const modal = page.locator('.ant-modal');
      await modal.locator('#statutory-import-year').fill(String(year));
      if (i === 0) {
        // An event that says neither 休 nor 班: refused with its line, nothing written.
        const bad = testIcs(year).replace('测试国庆(休)', '测试国庆');
        await modal
          .locator('input[type=file]')
          .setInputFiles({ name: 'bad.ics', mimeType: 'text/calendar', buffer: Buffer.from(bad) });
        await modal.getByTestId('statutory-import-preview').click();
        await expect
          .poll(async () => modal.getByTestId('statutory-import-result').textContent(), { timeout: 15_000 })
          .toContain('无法判断');
        expect(await modal.getByTestId('statutory-import-load').isDisabled()).toBe(true);
        await screenshot(page, 'calendar-statutory-import-refused');
      }
      await modal
        .locator('input[type=file]')
        .setInputFiles({ name: `test-${year}.ics`, mimeType: 'text/calendar', buffer: Buffer.from(testIcs(year)) });
      await modal.getByTestId('statutory-import-preview').click();
      await expect
        .poll(async () => modal.getByTestId('statutory-import-result').textContent(), { timeout: 15_000 })
        .toContain(`将载入 ${year} 年：放假 7 天，调休上班 1 天`);
      if (i === 0) await screenshot(page, 'calendar-statutory-import-preview');
      await modal.getByTestId('statutory-import-load').click();
      await modal.waitFor({ state: 'detached' });
      await expect.poll(async () => page.getByTestId('statutory-years').textContent()).toContain(`${year} 年`);
    }

    // The form opens the loaded year festival by festival; saving it with the notice's number makes version 2.
    const row = page.getByTestId('statutory-years').locator('tr', { hasText: `${toLoad[0]} 年` });
    await row.getByRole('button', { name: '编辑' }).click();
    const form = page.getByTestId('statutory-form');
    await form.waitFor();
    expect(await form.getByTestId('statutory-festival').count()).toBe(1);
    await expect
      .poll(async () => form.getByTestId('statutory-form-summary').textContent())
      .toContain('共放假 7 天，调休上班 1 天');
    await form.getByPlaceholder('如 国办发明电〔YYYY〕N号').fill('测试〔e2e〕1号');
    await screenshot(page, 'calendar-statutory-form-edit');
    await page.getByTestId('statutory-save').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(async () => row.textContent()).toContain('测试〔e2e〕1号');
    expect(await row.textContent()).toContain('表单登记');

    await expect.poll(async () => page.getByTestId('calendar-coverage-banner').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(async () => page.getByTestId(`coverage-${toLoad[0]}`).textContent()).toContain('本局载入');
    await screenshot(page, 'calendar-statutory-loaded');
    await page.evaluate(() => localStorage.setItem('eduflow.language', 'en'));
    await page.reload();
    await expect
      .poll(async () => page.getByTestId(`coverage-${toLoad[0]}`).textContent())
      .toContain('loaded by the bureau');
    await screenshot(page, 'calendar-statutory-loaded-en');
    await page.evaluate(() => localStorage.setItem('eduflow.language', 'zh-CN'));
    // The home page carries no warning either, and /api/health agrees.
    await page.goto(`${env.server.url}/`);
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('calendar-coverage-banner').count()).toBe(0);
    const health = (await (await fetch(`${env.server.url}/api/health`)).json()) as {
      calendar: { uncoveredDeadlineYears: number[] };
    };
    expect(health.calendar.uncoveredDeadlineYears).toEqual([]);
  });
});
