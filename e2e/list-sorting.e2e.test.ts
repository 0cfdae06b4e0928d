import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, switchToEnglish, useServerAndBrowser, visit } from './harness';

type InstancePage = { items: Array<{ id: string; dueAt: string | null }>; nextCursor: string | null };

describe('list sorting (issue 4): the reviewer orders the instance list by deadline', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('sorts by 办理时限 ascending then descending, from page 1, the URL keeping the sort across a reload', async () => {
    const api = await apiSession(env.server.url, 'reviewer', env.server.password);
    const expected = async (order: 'asc' | 'desc') =>
      (await api<InstancePage>('GET', `/instances?sort=dueAt&order=${order}&limit=20`)).items.map((i) => i.id);
    const asc = await expected('asc');
    const desc = await expected('desc');
    expect(asc.length).toBe(20);
    expect(asc).not.toEqual(desc);

    const page = await open('reviewer', { at: '/instances' });
    const rows = page.locator('.ant-table-tbody tr[data-row-key]');
    await rows.first().waitFor();
    const shown = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));

    // Start from page 2: a new sort must bring the user back to page 1 (the old cursors mean nothing under it).
    await page.getByRole('button', { name: /下一页|next/i }).click();
    await page.waitForURL(/currentPage=2/);
    const header = page.locator('th.ant-table-column-has-sorters', { hasText: '办理时限' });
    await header.click();
    await page.waitForURL(
      (u) =>
        /sorters\[0\]\[field\]=dueAt/.test(decodeURIComponent(u.search)) &&
        /sorters\[0\]\[order\]=asc/.test(decodeURIComponent(u.search)),
    );
    expect(decodeURIComponent(page.url())).toMatch(/currentPage=1/);
    await expect.poll(shown).toEqual(asc);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await screenshot(page, 'list-sorting-due-asc');

    await header.click();
    await page.waitForURL((u) => /sorters\[0\]\[order\]=desc/.test(decodeURIComponent(u.search)));
    await expect.poll(shown).toEqual(desc);
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await screenshot(page, 'list-sorting-due-desc');

    // The sort lives in the URL: a reload (or a shared link) shows the same order.
    await page.reload();
    await rows.first().waitFor();
    await expect.poll(shown).toEqual(desc);
    expect(
      await page.locator('th.ant-table-column-has-sorters', { hasText: '办理时限' }).getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('in English, the inbox sorts by Received (a column the API sorts) and the deadline header reads Deadline', async () => {
    const api = await apiSession(env.server.url, 'reviewer', env.server.password);
    const expected = (await api<InstancePage>('GET', '/tasks?sort=createdAt&order=asc&limit=20')).items.map(
      (i) => i.id,
    );
    expect(expected.length).toBeGreaterThan(1);
    const page = await open('reviewer', { locale: 'en-US' });
    await switchToEnglish(page);
    await visit(page, `/tasks`);
    const rows = page.locator('.ant-table-tbody tr[data-row-key]');
    await rows.first().waitFor();
    // Only the columns the API sorts on carry a sorter: Due and Received.
    const sortable = await page.locator('th.ant-table-column-has-sorters').allTextContents();
    expect(sortable.map((s) => s.trim())).toEqual(['Due', 'Received']);
    await page.locator('th.ant-table-column-has-sorters', { hasText: 'Received' }).click();
    await page.waitForURL((u) => /sorters\[0\]\[field\]=createdAt/.test(decodeURIComponent(u.search)));
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key'))))
      .toEqual(expected);
    await screenshot(page, 'list-sorting-tasks-en');
    await visit(page, `/instances`);
    await expect
      .poll(() => page.locator('th.ant-table-column-has-sorters').allTextContents())
      .toEqual(['Current step', 'Deadline', 'Started', 'Last updated']);
  });
});
