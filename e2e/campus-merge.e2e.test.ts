import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser, visit } from './harness';

type Row = { id: string; state: string; version: number };
type View = { id: string; state: string; outcome: string | null; data: Record<string, unknown> };

describe('campus entry: the bureau reviewer merges two requests for the same item', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('reviewer merges the seeded 法治进校园 requests from the instance page, with confirmation', async () => {
    const reviewer = await apiSession(env.server.url, 'reviewer', env.server.password);
    const waiting = (
      await reviewer<{ items: Row[] }>('GET', '/instances?definitionKey=campus-entry&state=bureauReview&limit=50')
    ).items;
    const views = await Promise.all(waiting.map((r) => reviewer<View>('GET', `/instances/${r.id}`)));
    const law = views.filter((v) => v.data.itemCode === 'FZ');
    expect(law).toHaveLength(2);
    const [survivor, absorbed] = law.sort((a, b) =>
      String(a.data.activityDate).localeCompare(String(b.data.activityDate)),
    );

    const page = await open('reviewer', { at: `/instances/${survivor.id}` });
    await page.getByTestId('instance-header').waitFor();
    // The engine's MERGE is not offered as a plain action button: the merge has its own dialog.
    expect(await page.locator('[data-event=MERGE]').count()).toBe(0);
    await page.getByTestId('merge-open').click();
    const candidates = page.getByTestId('merge-candidates');
    await candidates.getByText(String(absorbed.data.title)).waitFor();
    await screenshot(page, 'campus-merge-dialog');
    await candidates
      .locator('tr', { hasText: String(absorbed.data.title) })
      .locator('.ant-checkbox-input')
      .check();
    await page.getByTestId('merge-submit').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '确认合并 1 项申请？' }).waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认合并' }).click();
    await page.locator('.ant-message-notice', { hasText: '已合并 1 项申请，本申请现覆盖 3 所学校' }).waitFor();
    await screenshot(page, 'campus-merge-done');

    const after = await reviewer<View>('GET', `/instances/${survivor.id}`);
    expect(after.state).toBe('bureauReview');
    expect(after.data.schoolIds).toHaveLength(3);
    expect(after.data.mergedFrom).toEqual([absorbed.id]);
    const gone = await reviewer<View>('GET', `/instances/${absorbed.id}`);
    expect(gone).toMatchObject({ state: 'merged', outcome: 'merged' });

    // The absorbed request says where it went, and links there.
    await visit(page, `/instances/${absorbed.id}`);
    await page.getByTestId('merged-into').waitFor();
    expect(await page.getByTestId('instance-header').getByText('已合并').count()).toBeGreaterThan(0);
    await screenshot(page, 'campus-merge-absorbed');
    await page.getByTestId('merged-into').getByText('查看合并后的申请').click();
    await page.waitForURL(new RegExp(`/instances/${survivor.id}`));
  });
});

describe('负担码: a teacher’s report is a task in the bureau inbox', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('reviewer opens the seeded report from 我的待办 and resolves it there', async () => {
    const reviewer = await apiSession(env.server.url, 'reviewer', env.server.password);
    type Report = { id: string; schoolName: string; description: string };
    const [report] = (await reviewer<{ items: Report[] }>('GET', '/burden-reports?status=open')).items;
    expect(report).toBeDefined();
    const tasks = (
      await reviewer<{ items: Array<{ burdenReportId: string | null; dueAt: string | null }> }>(
        'GET',
        '/tasks?limit=100',
      )
    ).items;
    expect(tasks.find((t) => t.burdenReportId === report.id)?.dueAt).toBeTruthy();

    const page = await open('reviewer', { at: '/tasks' });
    const row = page.getByTestId('task-table').locator('tr.ant-table-row', { hasText: '负担码反映' });
    await row.first().waitFor();
    await row.first().click();
    await page.getByTestId('burden-report').getByText(report.description).waitFor();
    // The item reads as code and name from the published 减负清单, not the bare code.
    await page.getByTestId('burden-report').getByText('JF-01 · 与教育教学无关的填表报数').waitFor();
    await screenshot(page, 'burden-task-dialog');
    await page.getByTestId('burden-resolution').fill('已约谈街道，取消每周填报要求');
    await page.getByTestId('burden-resolve-submit').click();
    await page.locator('.ant-message-notice', { hasText: '已办结该负担码反映' }).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await screenshot(page, 'burden-task-resolved');
    expect(
      (await reviewer<{ items: Report[] }>('GET', '/burden-reports?status=open')).items.map((r) => r.id),
    ).not.toContain(report.id);
  });
});
