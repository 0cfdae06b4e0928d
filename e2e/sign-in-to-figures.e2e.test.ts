import { describe, expect, it } from 'vitest';

import { signedInPages, useServerAndBrowser } from './harness';

const REPORTS = [
  '/api/reports/overview',
  '/api/reports/security-inspection',
  '/api/reports/bundled-assessment',
  '/api/reports/campus-entry',
  '/api/reports/teaching-award',
];

declare global {
  interface Window {
    shellShownAt?: number;
    signInPageMark?: string;
  }
}

// Issue 11: the bureau's figures were the last step of a waterfall (console code, session, home, dashboard
// code, then the reports once the page had mounted). The console asks for them as soon as the session says
// the dashboard will be shown, and the cards find them loaded.
describe('from signing in to the first figures', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('asks for the dashboard’s figures before the console has drawn its frame, each once', async () => {
    const page = await open('reviewer');
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid=current-user]')) return;
        window.shellShownAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await page.locator('[data-testid=dashboard] canvas').first().waitFor({ timeout: 20_000 });
    const seen = await page.evaluate(() => ({
      shownAt: window.shellShownAt ?? null,
      asked: performance
        .getEntriesByType('resource')
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
    }));
    expect(seen.shownAt).not.toBeNull();
    for (const path of REPORTS) {
      const asked = seen.asked.filter((a) => a.path === path);
      expect(asked, path).toHaveLength(1);
      expect(asked[0]!.start, path).toBeLessThan(seen.shownAt!);
    }
  });

  it('signing in opens the console in the same document, at the page asked for', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(`${env.server.url}/login?to=${encodeURIComponent('/tasks')}`);
      await page.evaluate(() => (window.signInPageMark = 'still here'));
      await page.locator('#username').fill('principal1');
      await page.locator('#password').fill(env.server.password);
      await page.locator('button[type=submit]').click();
      await page.getByTestId('current-user').waitFor({ timeout: 20_000 });
      expect(new URL(page.url()).pathname).toBe('/tasks');
      // No second page load: what the sign-in page's document held is still there.
      expect(await page.evaluate(() => window.signInPageMark)).toBe('still here');
    } finally {
      await context.close();
    }
  });
});
