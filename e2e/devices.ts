import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

import { OUTPUT_DIR, screenshot } from './harness';

/** The sizes the console is held to (issue 12.8): an inspector's tablet upright, a principal's phone. */
export const TABLET = { width: 768, height: 1024 };
export const PHONE = { width: 390, height: 844 };

/** The whole page, and what the device shows at once (a dialog as the person sees it). */
export async function shoot(page: Page, name: string) {
  await screenshot(page, name, { fullPage: true });
  await page.screenshot({ path: `${OUTPUT_DIR}/${name}-screen.png` });
}

/** Nothing pushed off to the right: the page is no wider than the device (a table may scroll inside itself). */
export async function fitsWidth(page: Page) {
  const [scroll, client] = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return [el.scrollWidth, el.clientWidth];
  });
  expect(scroll, `${page.url()} is ${scroll}px wide on a ${client}px screen`).toBeLessThanOrEqual(client);
}

/** The element is drawn wholly inside the screen's width (not scrolled off a table's right edge). */
export async function withinScreen(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'drawn').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}
