import type { Locator } from 'playwright-core';

import { pickOption } from './select-option';

async function isFilled(item: Locator): Promise<boolean> {
  if ((await item.locator('.ant-select-selection-item').count()) > 0) return true;
  const input = item.locator('textarea, input:not([type=hidden])').first();
  return (await input.count()) > 0 && (await input.inputValue()) !== '';
}

/**
 * Fills every empty required field of an antd form inside `scope` with a plausible value, whatever the
 * schema field type rendered there (text, textarea, number, date, select, multiselect, boolean).
 */
export async function fillRequiredFields(scope: Locator, text = '已按要求完成，情况属实。'): Promise<void> {
  const items = scope.locator('.ant-form-item:has(.ant-form-item-required)');
  const count = await items.count();
  for (let i = 0; i < count; i += 1) {
    const item = items.nth(i);
    if ((await item.locator('.ant-table').count()) > 0) continue; // table fields arrive prefilled from the start form
    if (await isFilled(item)) continue;
    if ((await item.locator('.ant-picker').count()) > 0) {
      const input = item.locator('.ant-picker input').first();
      await input.click();
      await input.fill(new Date().toISOString().slice(0, 10));
      await input.press('Enter');
    } else if ((await item.locator('.ant-select').count()) > 0) {
      const select = item.locator('.ant-select').first();
      await pickOption(select);
      // A multi-select stays open; a single select has closed, and Escape would close the modal instead.
      if ((await select.locator('input[role=combobox]').getAttribute('aria-expanded')) === 'true')
        await scope.page().keyboard.press('Escape');
    } else if ((await item.locator('.ant-switch').count()) > 0) {
      await item.locator('.ant-switch').click();
    } else if ((await item.locator('.ant-input-number').count()) > 0) {
      await item.locator('.ant-input-number input').fill('1');
    } else if ((await item.locator('textarea').count()) > 0) {
      await item.locator('textarea').first().fill(text);
    } else if ((await item.locator('input').count()) > 0) {
      await item.locator('input').first().fill(text);
    }
  }
}
