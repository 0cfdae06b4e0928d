import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { screenshot, signedInPages, useServerAndBrowser } from './harness';

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on the page`);
  return b;
};
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Issue 12.8 (first part): on a tablet the header clipped the user's name and the menu's drawer button lay
// over the page title.
describe('the header on a tablet and a phone', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  for (const [width, height] of [
    [768, 1024],
    [390, 844],
  ] as const)
    it(`${width}px: the name is whole or ellipsed with a tooltip, and the menu button covers neither the name nor the title`, async () => {
      const page = await open('inspector1', { at: '/tasks', viewport: { width, height } });
      const name = page.getByTestId('current-user');
      await name.waitFor();
      const title = await box(page, '.ant-page-header-heading-title');
      const toggle = await box(page, '.ant-btn.ant-btn-lg[style*="position: fixed"]');
      expect(overlap(toggle, title)).toBe(false);
      expect(overlap(toggle, await box(page, '[data-testid=current-user]'))).toBe(false);
      // Whole on a tablet; on a phone cut with an ellipsis (the full name in its tooltip), never broken over lines.
      const fits = await name.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      if (width >= 768) expect(fits).toBe(true);
      expect((await name.boundingBox())?.height ?? 99).toBeLessThan(30);
      // The header itself fits (the to-do table at 390 px is still a table: issue 12.8 continues).
      const header = await box(page, '.ant-layout-header');
      expect(header.width).toBeLessThanOrEqual(width);
      expect(await page.locator('.ant-layout-header').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(
        true,
      );
      await screenshot(page, `header-${width}`);
    });
});
