import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser } from './harness';

const EXPERT_NAMES = ['孙丽华', '吴海峰', '郑敏'];

// The demo leaves teacher1's submission in 专家评审 with expert2's score still to come (README).
describe('专家评分 (issue 12 item 10): 提交评分 against the rubric, and the score the expert gave', () => {
  const env = useServerAndBrowser();
  const errors: string[] = [];
  const open = signedInPages(env);
  let id = '';
  let title = '';

  const state = (page: Page) => page.getByTestId('current-state').textContent();

  it('expert2 opens the submission from the desk: 提交评分, the rubric with each criterion’s range, the total added up', async () => {
    const page = await open('expert2', { onError: (m) => errors.push(m) });
    await page.getByTestId('expert-home').waitFor();
    const task = page.locator('[data-testid=home-open-tasks] [data-testid=home-task]', { hasText: '专家评审' }).first();
    title = ((await task.getByRole('link').first().textContent()) ?? '').trim();
    await task.click();
    await page.waitForURL(/\/instances\/[^/?]+$/);
    id = page.url().split('/instances/')[1] ?? '';
    await expect.poll(() => state(page)).toBe('专家评审');
    // Review is blind both ways: expert2 (吴海峰) sees neither the other experts nor their scoring.
    const body = (await page.locator('main').textContent()) ?? '';
    for (const other of EXPERT_NAMES.filter((n) => n !== '吴海峰')) expect(body).not.toContain(other);
    expect(await page.getByTestId('history').textContent()).not.toContain('提交评分');
    const actions = page.getByTestId('event-actions');
    await actions.locator('button', { hasText: '提交评分' }).waitFor();
    expect(await actions.textContent()).not.toContain('提交本单位填报');
    // Their own part is still to come.
    const mine = page.getByTestId('collect-parts');
    expect(await mine.getByTestId('part-status').allTextContents()).toEqual(['未提交']);

    await actions.locator('button', { hasText: '提交评分' }).click();
    const modal = page.locator('.ant-modal-content');
    const rubric = modal.getByTestId('rubric');
    await rubric.waitFor();
    const labels = await rubric.locator('.ant-form-item-label label').allTextContents();
    expect(labels).toEqual(['创新性（0–30 分）', '实践检验效果（0–40 分）', '示范推广价值（0–30 分）']);
    // Each criterion says what it asks.
    await rubric.getByText('成果在理念、内容或方法上的创新程度').waitFor();
    expect(await modal.getByTestId('rubric-total').textContent()).toBe('评分（总分）：各项打分后自动合计');
    await modal.locator('#innovation').fill('26');
    await modal.locator('#practice').fill('35');
    // A criterion left out: the dialog asks for it before anything is sent.
    await page.getByTestId('event-submit').click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '请填写示范推广价值' }).waitFor();
    await modal.locator('#spread').fill('24');
    await expect.poll(() => modal.getByTestId('rubric-total').textContent()).toBe('评分（总分）：85 / 100');
    await modal.locator('#expertComment').fill('实践扎实，推广价值明显。');
    await screenshot(page, 'expert-scoring-rubric');
    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });

    // Afterwards: their own part on the instance page (我的填报), by criterion and in total, and no one else's.
    await expect.poll(() => mine.getByTestId('part-status').allTextContents()).toEqual(['已提交']);
    expect(await mine.getByTestId('part-field-score').textContent()).toBe('85');
    expect(await mine.getByTestId('part-field-innovation').textContent()).toBe('26');
    expect(await mine.textContent()).toContain('实践扎实，推广价值明显。');
    await expect.poll(() => page.getByTestId('history').textContent(), { timeout: 20_000 }).toContain('提交评分');
    expect(await actions.locator('button', { hasText: '提交评分' }).count()).toBe(0);
    await screenshot(page, 'expert-scored-instance');
  });

  it('expert2’s 已办 lists it with the score given; the desk shows it under 我已评分', async () => {
    const page = await open('expert2', { onError: (m) => errors.push(m) });
    await page.getByTestId('expert-home').waitFor();
    const scored = page.getByTestId('home-scored').locator('[data-testid=home-done]', { hasText: title });
    await scored.waitFor();
    expect(await scored.getByTestId('done-figures').textContent()).toContain('评分（总分） 85');
    await screenshot(page, 'expert-home-scored');

    await page.getByTestId('home-scored').getByRole('button', { name: '已办事项' }).click();
    await page.waitForURL(/\/tasks\/done$/);
    const row = page.locator('[data-testid=done-task-table] tbody tr.ant-table-row', { hasText: title }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('提交评分');
    expect(await row.getByTestId('done-figures').textContent()).toBe(
      '评分（总分） 85创新性 26实践检验效果 35示范推广价值 24',
    );
    await screenshot(page, 'expert-done-tasks');
    // The tab goes back to what is still to do.
    await page.getByRole('tab', { name: '待办' }).click();
    // A client-side move: the address changes without a load event to wait for.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/tasks');
    await page.getByTestId('task-table').waitFor();
  });

  it('teacher1 still learns neither who scored nor what: no part, no score, no expert’s name', async () => {
    const api = await apiSession(env.server.url, 'teacher1', env.server.password);
    const view = await api<{ parts?: unknown[]; data: Record<string, unknown> }>('GET', `/instances/${id}`);
    expect(view.parts ?? []).toEqual([]);
    expect(JSON.stringify(view)).not.toContain('实践扎实');
    const page = await open('teacher1', { at: `/instances/${id}`, onError: (m) => errors.push(m) });
    await page.getByTestId('anonymous-assignees').waitFor();
    await expect
      .poll(() => page.getByTestId('history-anonymous-actor').count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    const body = (await page.locator('main').textContent()) ?? '';
    for (const name of EXPERT_NAMES) expect(body).not.toContain(name);
    expect(body).not.toContain('实践扎实');
    expect(await page.getByTestId('collect-parts').count()).toBe(0);
    // Their own 已办 holds what they did, with no one's scores.
    const list = await api<{ items: Array<{ instanceId: string; figures: unknown[] }> }>('GET', '/tasks/done');
    expect(list.items.every((d) => d.figures.length === 0)).toBe(true);
    expect(errors).toEqual([]);
  });
});
