import { describe, expect, it } from 'vitest';

import { connectBrowser } from './harness';

/** The browser the suite shares (browser-server.ts): what it is started with, checked on the running one. */
describe('the test browser', () => {
  it('opens a page without the omnibox popups a window preloads, and keeps playwright’s own switches', async () => {
    const browser = await connectBrowser();
    try {
      const page = await browser.newPage();
      await page.goto('data:text/html,<p>one page</p>');
      const session = await browser.newBrowserCDPSession();
      const { targetInfos } = await session.send('Target.getTargets');
      // Each chrome://omnibox-popup.top-chrome target is a renderer started for nothing a test looks at.
      expect(targetInfos.filter((t) => t.type === 'browser_ui').map((t) => t.url)).toEqual([]);
      // Chromium reads only the last --disable-features: there is one, with playwright's list (paint holding
      // off: a loading console is drawn as it loads) and ours.
      await page.goto('chrome://version');
      const argv = ((await page.locator('#command_line').textContent()) ?? '').split(/\s+/);
      const disabled = argv.filter((a) => a.startsWith('--disable-features='));
      expect(disabled).toHaveLength(1);
      expect(disabled[0]?.split(/[=,]/)).toEqual(expect.arrayContaining(['PaintHolding', 'WebUIOmniboxPopup']));
    } finally {
      await browser.close();
    }
  });
});
