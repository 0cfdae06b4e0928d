import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser, visit } from './harness';

/** The Form.Item around the input with this id (antd names a cell's input after its field path). */
const cell = (page: Page, id: string) => page.locator('.ant-form-item').filter({ has: page.locator(`#${id}`) });
const cellError = (page: Page, id: string) => cell(page, id).locator('.ant-form-item-explain-error');

/** Types a date into an antd DatePicker and confirms it, as a keyboard user does. */
async function typeDate(page: Page, id: string, date: string) {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(date);
  await page.keyboard.press('Enter');
}

/** antd spaces out two-character Chinese button texts (发 布), so buttons are found by test id. */
async function openEditor(page: Page): Promise<Locator> {
  await page.getByTestId('reference-new-version').click();
  const drawer = page.getByTestId('refedit-drawer');
  await drawer.waitFor();
  return drawer;
}

describe('reference data editors', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('the bureau admin adds a whitelist item (required and server checks shown on the cell), then a 数据安全 checklist item, which a reviewer approves and publishes (the admin may not: four eyes); an auditor only reads and a principal has no editor', async () => {
    const page = await open('admin', { at: '/reference/whitelists' });
    await page.getByTestId('reference-list-items').waitFor();
    expect(await page.getByTestId('reference-list-items').locator('tbody tr.ant-table-row').count()).toBe(14);
    await screenshot(page, 'reference-whitelist-view');

    await openEditor(page);
    await page.getByTestId('refedit-items-add').click();
    const row = 'content_items_14';
    await page.locator(`#${row}_code`).fill('KP');
    await page.locator(`#${row}_name`).fill('航天科普进校园');
    await page.locator(`#${row}_basis`).fill('《全民科学素质行动规划纲要（2021—2035年）》');
    await page.locator(`#${row}_content`).fill('航天员视频连线与航天模型展');
    await page.locator(`#${row}_form`).fill('讲座、展览');
    await typeDate(page, `${row}_window_from`, '2026-09-01');
    await typeDate(page, `${row}_window_to`, '2026-12-31');
    // 牵头单位 left empty: the client stops the save and says so on that very cell.
    await page.getByTestId('refedit-save').click();
    await expect.poll(() => cellError(page, `${row}_leadUnit`).textContent()).toBe('此项必填');
    expect(await page.getByTestId('refedit-error').textContent()).toContain('已在对应位置标出');
    await screenshot(page, 'reference-whitelist-required');

    // A repeated code only the API knows is repeated: its 422 field message lands on that row's code cell.
    await page.locator(`#${row}_leadUnit`).fill('区科学技术协会');
    await page.getByTestId('refedit-save').click();
    await expect
      .poll(() => cellError(page, `${row}_code`).textContent(), { timeout: 15_000 })
      .toBe('编号与其他条目重复');
    await screenshot(page, 'reference-whitelist-server-error');

    await page.locator(`#${row}_code`).fill('HT');
    await page.getByTestId('refedit-save').click();
    await page.getByTestId('refedit-drawer').waitFor({ state: 'hidden', timeout: 15_000 });
    const items = page.getByTestId('reference-list-items');
    await items.getByText('航天科普进校园').waitFor();
    expect(await items.locator('tbody tr.ant-table-row').count()).toBe(15);
    await expect.poll(() => page.getByTestId('reference-version').count()).toBe(2);
    expect(await page.getByTestId('reference-version').first().textContent()).toContain('草稿');
    await screenshot(page, 'reference-whitelist-saved');

    await visit(page, `/reference/checklists`);
    await page.getByTestId('reference-layer-数据安全').waitFor();
    expect(await page.getByTestId('reference-layer-数据安全').locator('tbody tr.ant-table-row').count()).toBe(3);
    await openEditor(page);
    const dataLayer = page.getByTestId('refedit-checklist-数据安全');
    await page.getByTestId('refedit-checklist-数据安全-add').click();
    const added = dataLayer.locator('tbody tr.ant-table-row').last();
    await added.locator('input[id$="_code"]').fill('DATA-04');
    await added.locator('input[id$="_title"]').fill('教育 App 备案与隐私政策审查');
    await added.locator('input[id$="_evidence"]').fill('备案清单、隐私政策');
    await screenshot(page, 'reference-checklist-editor');
    await page.getByTestId('refedit-save').click();
    await page.getByTestId('refedit-drawer').waitFor({ state: 'hidden', timeout: 15_000 });
    await page.getByTestId('reference-layer-数据安全').getByText('教育 App 备案与隐私政策审查').waitFor();

    // 四眼原则: the admin who drafted this version may not publish it; the page says why and who may.
    const blocked = page.getByTestId('reference-publish');
    expect(await blocked.isDisabled()).toBe(true);
    expect((await blocked.textContent())?.replace(/\s/g, '')).toBe('发布');
    expect(await page.getByTestId('four-eyes-note').textContent()).toContain(
      '您编辑过此草稿，须由其他教委管理员或教委科室审核人审核发布',
    );
    expect(await page.getByTestId('four-eyes-note').textContent()).toContain(
      '可审核发布：其他教委管理员、教委科室审核人',
    );
    expect(await page.getByTestId('draft-review').textContent()).toContain('编辑人：王建国（教委管理员）');
    await blocked.hover({ force: true });
    await page.getByTestId('four-eyes-tooltip').waitFor({ timeout: 5_000 });
    await screenshot(page, 'reference-checklist-four-eyes');

    // A bureau reviewer opens the draft, sees who edited it, and approves and publishes it after a confirmation.
    const r = await open('reviewer', { at: '/reference/checklists' });
    const draftVersion = r.getByTestId('reference-version').filter({ hasText: '草稿' });
    await draftVersion.waitFor({ timeout: 15_000 });
    await draftVersion.click();
    await r.getByTestId('reference-layer-数据安全').getByText('教育 App 备案与隐私政策审查').waitFor();
    expect(await r.getByTestId('reference-new-version').count()).toBe(0);
    expect(await r.getByTestId('four-eyes-note').count()).toBe(0);
    const approve = r.getByTestId('reference-publish');
    expect((await approve.textContent())?.replace(/\s/g, '')).toBe('审核并发布');
    await approve.click();
    const confirm = r.getByTestId('publish-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('此草稿由 王建国（教委管理员） 编辑');
    await screenshot(r, 'reference-checklist-approve');
    await r.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect
      .poll(() => r.getByTestId('reference-version').first().textContent(), { timeout: 15_000 })
      .toContain('已发布');
    await confirm.waitFor({ state: 'hidden' });
    expect(await r.getByTestId('reference-publish').count()).toBe(0);
    expect(await r.getByTestId('draft-review').textContent()).toContain('审核发布人：李文静（基教科）');
    await screenshot(r, 'reference-checklist-published');

    // The auditor reads the published checklist, grouped by layer, and cannot change it.
    const a = await open('auditor', { at: '/reference/checklists' });
    await a
      .getByTestId('reference-layer-数据安全')
      .getByText('教育 App 备案与隐私政策审查')
      .waitFor({ timeout: 15_000 });
    expect(await a.getByTestId('reference-new-version').count()).toBe(0);
    expect(await a.getByTestId('reference-publish').count()).toBe(0);
    await screenshot(a, 'reference-checklist-auditor');

    // A principal works with the reference data inside the workflows; the bureau's screen is not theirs.
    const p = await open('principal1', { at: '/reference/checklists' });
    await p.getByText('无权访问').waitFor();
    expect(await p.getByTestId('reference-new-version').count()).toBe(0);
  });

  it('the indicator system refuses weights that do not sum to 1 as you type; an award-rubric save over a newer version offers to reload and never overwrites', async () => {
    const { server } = env;
    const page = await open('admin', { at: '/reference/indicator-systems' });
    await page.getByTestId('reference-dimension-0').waitFor();
    await screenshot(page, 'reference-indicators-view');
    const drawer = await openEditor(page);
    const total = page.getByTestId('refedit-weight-total');
    expect(await total.textContent()).toContain('合计 1，');
    await page.locator('#content_dimensions_0_weight').fill('0.2');
    await expect.poll(() => total.textContent()).toContain('合计 1.05，须等于 1');
    await page.getByTestId('refedit-save').click();
    await drawer.getByText('各考核维度的权重之和必须等于 1').waitFor();
    await screenshot(page, 'reference-indicators-weights');
    await page.locator('#content_dimensions_1_weight').fill('0.1');
    await expect.poll(() => total.textContent()).toContain('合计 1，');
    await page.getByTestId('refedit-save').click();
    await drawer.waitFor({ state: 'hidden', timeout: 15_000 });
    // The list refetches after the drawer closes: wait for the saved version, not a fixed time.
    await expect.poll(() => page.getByTestId('reference-dimension-0').textContent()).toContain('权重 20%');
    await expect.poll(() => page.getByTestId('reference-dimension-1').textContent()).toContain('权重 10%');

    await visit(page, `/reference/award-rubrics`);
    await page.getByTestId('reference-quotas-achievement').waitFor();
    await openEditor(page);
    // Someone else saves a version of the same rubric while this editor is open.
    const api = await apiSession(server.url, 'admin', server.password);
    const [current] = (
      await api<{ items: Array<{ name: string; content: Record<string, unknown> }> }>('GET', '/reference/award-rubrics')
    ).items;
    await api('POST', '/reference/award-rubrics', {
      name: `${current.name}（他人修改）`,
      content: { ...current.content, schoolQuota: 4 },
    });
    await page.locator('#content_quotas_achievement_0_count').fill('5');
    await page.getByTestId('refedit-save').click();
    await page.getByTestId('stale-alert').waitFor({ timeout: 15_000 });
    await screenshot(page, 'reference-rubric-stale');
    await page.getByTestId('stale-reload').click();
    await page.getByTestId('stale-alert').waitFor({ state: 'hidden' });
    // The refused save wrote nothing: the list holds the seeded version and the other admin's only.
    expect(await page.getByTestId('reference-version').count()).toBe(2);
    expect(await page.locator('.ant-drawer-title').textContent()).toContain('他人修改');
    expect(await page.locator('#content_schoolQuota').inputValue()).toBe('4');
    await page.locator('#content_quotas_achievement_0_count').fill('5');
    await page.getByTestId('refedit-save').click();
    await page.getByTestId('refedit-drawer').waitFor({ state: 'hidden', timeout: 15_000 });
    await expect.poll(() => page.getByTestId('reference-version').count()).toBe(3);
    await expect
      .poll(() =>
        page.getByTestId('reference-quotas-achievement').locator('tbody tr.ant-table-row').first().textContent(),
      )
      .toContain('5');
    await screenshot(page, 'reference-rubric-saved');
  });
});
