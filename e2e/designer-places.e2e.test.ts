import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { connect, newBlankDraft, selectNode } from './designer-steps';
import { screenshot, signedInPages, useServerAndBrowser } from './harness';

type Place = { x: number; y: number };

/** Where each step sits in the canvas's own coordinates (React Flow's transform), whatever the zoom. */
async function places(page: Page): Promise<Record<string, Place>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => {
        const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(n.style.transform);
        return [n.dataset.id ?? '', { x: Number(m?.[1]), y: Number(m?.[2]) }];
      }),
    ),
  );
}

// Issue 12.9: the canvas keeps the bureau's arrangement (connecting two steps re-laid it out and swapped
// nodes under the pointer), problems name steps and buttons, and 发布 asks first, naming the version.
describe('designer: steps stay where they are put', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('an arrow moves no step; a dragged step keeps its place after saving and reopening; 自动布局 lays out again', async () => {
    const page = await open('admin', { viewport: { width: 1600, height: 1000 } });
    await newBlankDraft(page, {
      zh: '课后服务抽查',
      en: 'After-school spot check',
      key: 'after-school-spot-check',
    });
    const id = page.url().split('/').at(-2) ?? '';

    await page.getByTestId('designer-add-state').click();
    await page.locator('.ant-dropdown-menu-item').filter({ hasText: '办理' }).click();
    await page.getByTestId('designer-state-id').fill('spotCheck');
    await page.getByTestId('designer-state-name-zh').click();
    await page.getByTestId('designer-state-name-zh').fill('现场抽查');
    await page.getByTestId('designer-state-name-en').fill('Spot check');
    await expect.poll(() => page.getByTestId('designer-node-spotCheck').count()).toBe(1);

    // The new step cannot be reached and has no way out: said by its name, not by a document path.
    const problems = page.getByTestId('designer-errors').locator('.ant-list-item');
    await expect.poll(() => problems.count()).toBeGreaterThan(0);
    const texts = await problems.allTextContents();
    expect(texts.join('\n')).toContain('环节「现场抽查」');
    expect(texts.join('\n')).not.toMatch(/states\.|on\.[A-Z]/);
    await screenshot(page, 'designer-problems-named');

    // An arrow from the new step to 办结: no step moves.
    // Places are the canvas's own coordinates: the view fitting itself (zoom, pan) does not change them.
    const before = await places(page);
    expect(Object.keys(before).sort()).toEqual(['done', 'selfReport', 'spotCheck']);
    await connect(page, 'spotCheck', 'done', 'spotCheck|on.SUBMIT');
    expect(await places(page)).toEqual(before);

    // Dragged 160 px down, saved, reopened: it is where it was left.
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.getByTestId('designer-node-spotCheck').boundingBox();
    if (!box) throw new Error('no spotCheck node');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 80, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 160, { steps: 5 });
    await page.mouse.up();
    const dragged = await places(page);
    expect(dragged.spotCheck?.y).toBeGreaterThan((before.spotCheck?.y ?? 0) + 40);
    expect(dragged.selfReport).toEqual(before.selfReport);
    await page.getByTestId('designer-unsaved').waitFor();
    await page.getByTestId('designer-save').click();
    await page.getByTestId('designer-unsaved').waitFor({ state: 'detached' });
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const saved = await admin<{ definition: { layout?: Record<string, Place> } }>('GET', `/definitions/${id}`);
    expect(saved.definition.layout).toEqual(dragged);

    await page.reload();
    await page.getByTestId('designer-node-spotCheck').waitFor();
    await expect.poll(() => places(page)).toEqual(dragged);

    // 自动布局 is the one thing that moves them all: back into layers, a change to save.
    await page.getByRole('button', { name: '自动布局' }).click();
    await expect.poll(async () => (await places(page)).spotCheck?.y).not.toBe(dragged.spotCheck?.y);
    await page.getByTestId('designer-unsaved').waitFor();
    await selectNode(page, 'spotCheck');
    await screenshot(page, 'designer-relayout');
  });
});
