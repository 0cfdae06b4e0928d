/**
 * The bureau's home in a browser: Debian's Chromium, started with the e2e tests' switches (without them it
 * preloads its omnibox popups for every page, CPU the figure would count), signs in as the reviewer and
 * waits for the dashboard to show its figures — every report card drawn, no skeleton left. Timed from the
 * click on 登录 to that moment, on a fresh browser context each time (nothing cached).
 */
import { launchChromium } from '../../e2e/browser-server.js';
import { BENCH_PASSWORD } from './city-db.js';

export type TConsole = { runs: number[]; medianMs: number } | { skipped: string };

export async function measureConsole(base: string, runs = 3): Promise<TConsole> {
  const browser = await launchChromium().catch((e: unknown) => e as Error);
  if (browser instanceof Error)
    // playwright's message names the executable it looked for (EDUFLOW_CHROMIUM or /usr/bin/chromium).
    return { skipped: `no Chromium: ${browser.message.split('\n')[0]}` };
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.locator('#username').fill('reviewer');
      await page.locator('#password').fill(BENCH_PASSWORD);
      const t0 = performance.now();
      await page.locator('button[type=submit]').click();
      await page.locator('[data-testid=dashboard]').waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () => {
          // Runs in the page; the API's tsconfig has no DOM lib, so the page's document is typed by hand.
          type Found = { querySelectorAll(selector: string): { length: number } };
          const win = globalThis as unknown as { document: { querySelector(selector: string): Found | null } };
          const board = win.document.querySelector('[data-testid=dashboard]');
          return (
            !!board &&
            board.querySelectorAll('.ant-card').length > 0 &&
            board.querySelectorAll('.ant-skeleton').length === 0 &&
            board.querySelectorAll('canvas').length > 0
          );
        },
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      times.push(performance.now() - t0);
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { runs: times, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0 };
  } finally {
    await browser.close();
  }
}
