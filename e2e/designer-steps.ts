import type { Locator, Page } from 'playwright-core';

import { fillRequiredFields } from './fill-form';
import { screenshot, visit } from './harness';
import { pickOption } from './select-option';

// What a bureau admin does in the designer and a user on an instance page, shared by the designer journeys.

/** Picks an option of the antd Select inside `select` by its visible text. */
export async function choose(page: Page, select: Locator, text: string) {
  await pickOption(select, text).catch(async (e: unknown) => {
    await screenshot(page, `designer-choose-${text}`);
    throw e;
  });
}

/**
 * Waits until the canvas has re-fitted its view (it does, 60 ms after steps come or go, and says so with
 * aria-busy): a handle or step measured before would have moved.
 */
async function viewSettled(page: Page) {
  await page.locator('[data-testid=designer-canvas][aria-busy=false]').waitFor({ timeout: 10_000 });
}

/** Draws a transition the way a person does: from a state's right handle onto another state's left handle. */
export async function connect(page: Page, from: string, to: string, expectEdge: string) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await viewSettled(page);
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header must not cover the handles
    const source = await page.locator(`[data-testid="rf__node-${from}"] .react-flow__handle.source`).boundingBox();
    const target = await page.locator(`[data-testid="rf__node-${to}"] .react-flow__handle.target`).boundingBox();
    if (!source || !target) throw new Error(`no handles for ${from} → ${to}`);
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(source.x + 40, source.y + 10, { steps: 4 });
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
    await page.mouse.up();
    const edge = page.locator(`[data-testid="rf__edge-${expectEdge}"]`);
    if (
      await edge.waitFor({ timeout: 2_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    await screenshot(page, `designer-connect-${from}-${to}-${attempt}`);
  }
  throw new Error(`could not draw ${from} → ${to}`);
}

/** Selects a state on the canvas (the view may still be settling after a layout change). */
export async function selectNode(page: Page, id: string) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await viewSettled(page);
    await page.getByTestId(`designer-node-${id}`).click();
    if (
      await page
        .getByTestId('designer-state-panel')
        .waitFor({ timeout: 2_000 })
        .then(
          () => true,
          () => false,
        )
    )
      return;
  }
  throw new Error(`could not select ${id}`);
}

export async function fieldSetup(
  page: Page,
  i: number,
  name: string,
  type: string,
  zh: string,
  en: string,
  required = true,
) {
  await page.getByTestId('designer-add-field').click();
  // The field's panel may already be open (the form builder keeps which panels are open across steps).
  if (!(await page.getByTestId(`designer-field-${i}-name`).isVisible()))
    await page.locator('[data-testid=designer-form-builder] .ant-collapse-header').nth(i).click();
  await page.getByTestId(`designer-field-${i}-name`).fill(name);
  await choose(page, page.getByTestId(`designer-field-${i}-type`), type);
  await page.getByTestId(`designer-field-${i}-label-zh`).fill(zh);
  await page.getByTestId(`designer-field-${i}-label-en`).fill(en);
  if (required) await page.getByTestId(`designer-field-${i}-required`).check();
}

/** Opens the instance and fires the action named `label`, filling what the step requires. */
export async function act(page: Page, url: string, label: string, fill?: (modal: Locator) => Promise<void>) {
  await visit(page, new URL(url).pathname);
  // antd spaces out two-character Chinese button texts (提 交).
  const button = page
    .locator('[data-testid=event-actions] button')
    .filter({ hasText: new RegExp(`^${[...label].join('\\s*')}$`) })
    .first();
  await button.waitFor({ timeout: 20_000 }).catch(async (e: unknown) => {
    await screenshot(page, `designer-act-${label}`);
    throw e;
  });
  await button.click();
  const modal = page.locator('.ant-modal-content');
  await modal.waitFor();
  // The dialog seeds its form from the instance once open (aria-busy until then); typing earlier would be reset.
  await modal.locator('form[aria-busy=false]').waitFor();
  if (fill) await fill(modal);
  await fillRequiredFields(modal);
  const comment = modal.locator('#__comment');
  if (await comment.count()) await comment.fill('同意。');
  await page.getByTestId('event-submit').click();
  await modal.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async (e: unknown) => {
    await screenshot(page, `designer-act-modal-${label}`);
    throw e;
  });
}

/** 流程定义 → 新建流程 → a blank draft with these names and key; resolves once the designer shows its skeleton. */
export async function newBlankDraft(page: Page, name: { zh: string; en: string; key: string }) {
  await visit(page, '/definitions');
  await page.getByTestId('definition-new').click();
  await page.locator('#designer-new-name-zh').fill(name.zh);
  await page.locator('#designer-new-name-en').fill(name.en);
  await page.locator('#designer-new-key').fill(name.key);
  await page.getByTestId('designer-new-blank').click();
  await page.waitForURL(/\/definitions\/[^/]+\/design$/);
  await page.getByTestId('designer-node-selfReport').waitFor();
}
