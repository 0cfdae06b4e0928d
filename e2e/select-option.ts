import type { Locator } from 'playwright-core';

/**
 * antd keeps a closed Select's dropdown in the page while it fades out, so `.ant-select-dropdown:visible`
 * can still answer with the previous select's options (CI clicked 法治进校园 in the school picker). The
 * open select names its own list in `aria-controls`: the options are looked up inside that dropdown only.
 */
async function comboboxOf(field: Locator): Promise<Locator> {
  return (await field.getAttribute('role')) === 'combobox' ? field : field.locator('input[role=combobox]').first();
}

/** Opens the Select `field` (its input, or any element around it) and returns its own options. */
export async function openOptions(field: Locator, search?: string): Promise<Locator> {
  const combobox = await comboboxOf(field);
  const page = field.page();
  // The select's box, not its input: a chosen value's label lies over the input and takes the click.
  const box = combobox.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select-selector ")][1]',
  );
  if ((await combobox.getAttribute('aria-expanded')) !== 'true') await box.click();
  if (search !== undefined) await page.keyboard.type(search);
  const opened = combobox.and(page.locator('[aria-controls]'));
  await opened.waitFor({ timeout: 5_000 }).catch(() => {
    throw new Error('the select did not open its list');
  });
  const listId = await opened.getAttribute('aria-controls');
  // Not a hidden one: two selects of the designer's form builder were seen sharing a list id.
  return page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)', { has: page.locator(`[id="${listId}"]`) })
    .locator('.ant-select-item-option');
}

/** The texts of the select's options, once it shows at least one. */
export async function optionTexts(field: Locator, search?: string): Promise<string[]> {
  const options = await openOptions(field, search);
  await options.first().waitFor();
  return options.allTextContents();
}

/**
 * Opens the select, types `search` if given, and clicks the first option containing `text` (the first
 * option at all without one), scrolling a long list to it.
 */
export async function pickOption(field: Locator, text?: string | RegExp, search?: string): Promise<void> {
  const options = await openOptions(field, search);
  const option = text === undefined ? options.first() : options.filter({ hasText: text }).first();
  await option.scrollIntoViewIfNeeded();
  await option.click();
}
