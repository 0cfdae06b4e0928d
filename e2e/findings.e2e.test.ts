import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { type OpenOptions, screenshot, signedInPages, switchToEnglish, useServerAndBrowser, visit } from './harness';
import { pickOption } from './select-option';

type Finding = {
  id: string;
  instanceId: string;
  schoolName: string;
  severity: string;
  overdue: boolean;
  status: string;
};
type FindingPage = { items: Finding[]; nextCursor: string | null };

/** Every finding the user may read under a query, walked to the end of its keyset pages. */
async function allFindings(api: Awaited<ReturnType<typeof apiSession>>, query: string): Promise<Finding[]> {
  const out: Finding[] = [];
  let cursor: string | null = null;
  do {
    const page: FindingPage = await api<FindingPage>(
      'GET',
      `/findings?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('整改问题台账 (issue 4): the findings list', () => {
  const env = useServerAndBrowser();
  const errors: string[] = [];
  const signedIn = signedInPages(env);
  const open = (username: string, options: OpenOptions = {}) =>
    signedIn(username, { onError: (m) => errors.push(m), ...options });

  const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
  const shownIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));

  it('reviewer opens 整改问题 from the menu, filters high severity + overdue, sees exactly those, opens one’s inspection', async () => {
    const api = await apiSession(env.server.url, 'reviewer', env.server.password);
    const expected = await allFindings(api, 'severity=high&overdue=1');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(20);
    expect(expected.every((f) => f.severity === 'high' && f.overdue && f.status === 'open')).toBe(true);
    const everything = await allFindings(api, 'status=open');
    expect(everything.length).toBeGreaterThan(expected.length);

    const page = await open('reviewer');
    await page.locator('.ant-layout-sider').getByText('整改问题', { exact: true }).click();
    await page.waitForURL(/\/findings/);
    await rows(page).first().waitFor();
    await screenshot(page, 'findings-reviewer-all');

    await pickOption(
      page.locator('[data-testid=finding-filters] .ant-form-item', { hasText: '风险等级' }).locator('.ant-select'),
      '高风险',
    );
    await page.getByTestId('filter-overdue').check();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    // The filters live in the URL (a reload or a shared link shows the same list).
    await page.waitForURL(
      (u) => decodeURIComponent(u.search).includes('=severity') && decodeURIComponent(u.search).includes('=overdue'),
    );
    await expect.poll(async () => new Set(await shownIds(page))).toEqual(new Set(expected.map((f) => f.id)));
    expect(
      await page.getByTestId('finding-severity').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity'))),
    ).toEqual(expected.map(() => 'high'));
    expect(await page.getByTestId('finding-overdue').count()).toBe(expected.length);
    await screenshot(page, 'findings-reviewer-high-overdue');

    // 导出 Excel takes the same filters: one row per shown finding under the title and header rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-findings').click()]);
    expect(download.suggestedFilename()).toMatch(/^网络安全检查整改问题台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.read(await download.createReadStream());
    const sheet = wb.worksheets[0];
    expect(sheet?.rowCount).toBe(2 + expected.length);
    expect(new Set(sheet?.getColumn(6).values.slice(3))).toEqual(new Set(['高']));

    await page.reload();
    await rows(page).first().waitFor();
    await expect.poll(async () => new Set(await shownIds(page))).toEqual(new Set(expected.map((f) => f.id)));
    expect(await page.getByTestId('filter-overdue').isChecked()).toBe(true);

    const firstId = (await shownIds(page))[0];
    const target = expected.find((f) => f.id === firstId);
    expect(target).toBeTruthy();
    await rows(page).first().getByTestId('finding-inspection-link').click();
    await page.waitForURL(new RegExp(`/instances/${target?.instanceId}$`));
    await page
      .getByText(target?.schoolName ?? '—')
      .first()
      .waitFor();
    await screenshot(page, 'findings-reviewer-opened-inspection');
  });

  it('principal1 sees only 西永中学’s findings, from the home page’s rectifications link', async () => {
    const api = await apiSession(env.server.url, 'principal1', env.server.password);
    // The demo leaves 西永中学's self-check saved, not submitted: finish it with two failures through the API
    // (principal submits, inspector1 raises findings) so the school has findings of its own.
    const [own] = (
      await api<{ items: Array<{ id: string }> }>('GET', '/instances?definitionKey=security-inspection&state=selfCheck')
    ).items;
    expect(own).toBeTruthy();
    type View = { version: number; data: { items: Array<{ code: string; layer: string; title: string }> } };
    const view = await api<View>('GET', `/instances/${own?.id}`);
    const fails: Record<string, string> = { 'HOST-01': 'high', 'DATA-01': 'medium' };
    const items = view.data.items.map(({ code, layer, title }) =>
      fails[code]
        ? { code, layer, title, result: 'fail', severity: fails[code], note: '现场核查未达标' }
        : { code, layer, title, result: 'pass', note: '' },
    );
    const submitted = await api<{ version: number }>('POST', `/instances/${own?.id}/events`, {
      type: 'SUBMIT',
      data: { items, selfCheckNotes: '自查完成。' },
      expectedVersion: view.version,
    });
    const inspector = await apiSession(env.server.url, 'inspector1', env.server.password);
    await inspector('POST', `/instances/${own?.id}/events`, {
      type: 'RAISE_FINDINGS',
      comment: '服务器存在弱口令；学生信息未脱敏展示。',
      expectedVersion: submitted.version,
    });

    const expected = await allFindings(api, 'status=open');
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(expected.map((f) => f.schoolName))).toEqual(new Set(['西永中学']));

    const page = await open('principal1');
    await page.getByTestId('home-open-findings').click();
    await page.waitForURL(/\/findings/);
    await rows(page).first().waitFor();
    await expect
      .poll(async () => new Set(await shownIds(page)))
      .toEqual(new Set(expected.slice(0, 20).map((f) => f.id)));
    const schools = await rows(page).locator('td:first-child').allTextContents();
    expect(new Set(schools)).toEqual(new Set(['西永中学']));
    // One school only: no school filter to offer.
    expect(await page.locator('[data-testid=finding-filters] .ant-form-item', { hasText: '学校' }).count()).toBe(0);
    await screenshot(page, 'findings-principal1');
  });

  it('the dashboard’s findings chart opens the list filtered to its overdue findings', async () => {
    const api = await apiSession(env.server.url, 'reviewer', env.server.password);
    // The chart shows the latest round (issue 11), and its list is that round's findings.
    const { round } = await api<{ round: string }>('GET', '/reports/security-inspection');
    const expected = await allFindings(api, `overdue=1&round=${encodeURIComponent(round)}`);
    expect(expected.length).toBeGreaterThan(0);

    const page = await open('reviewer', { at: '/dashboard' });
    await page.locator('[data-testid=chart-findings] canvas').first().waitFor({ timeout: 20_000 });
    await page.getByTestId('findings-overdue-link').click();
    await page.waitForURL(/\/findings/);
    await rows(page).first().waitFor();
    await expect
      .poll(async () => new Set(await shownIds(page)))
      .toEqual(new Set(expected.slice(0, 20).map((f) => f.id)));
    expect(await page.getByTestId('filter-overdue').isChecked()).toBe(true);
    await screenshot(page, 'findings-from-dashboard-overdue');
  });

  it('sorts by 风险等级 by weight: the second click puts the high ones first, as the API orders them', async () => {
    const api = await apiSession(env.server.url, 'reviewer', env.server.password);
    const desc = (await api<FindingPage>('GET', '/findings?sort=severity&order=desc&limit=20')).items;
    expect(desc[0]?.severity).toBe('high');
    const page = await open('reviewer', { at: '/findings' });
    await rows(page).first().waitFor();
    const header = page.locator('th.ant-table-column-has-sorters', { hasText: '风险等级' });
    await header.click();
    await page.waitForURL(
      (u) =>
        /sorters\[0\]\[field\]=severity/.test(decodeURIComponent(u.search)) &&
        /sorters\[0\]\[order\]=asc/.test(decodeURIComponent(u.search)),
    );
    await header.click();
    await page.waitForURL((u) => /sorters\[0\]\[order\]=desc/.test(decodeURIComponent(u.search)));
    await expect.poll(() => shownIds(page)).toEqual(desc.map((f) => f.id));
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await screenshot(page, 'findings-reviewer-severity-desc');
  });

  it('reads in English: title, headers, severity and flags from the findings namespace', async () => {
    const page = await signedIn('reviewer', { locale: 'en-US', onError: (m) => errors.push(m) });
    await switchToEnglish(page);
    await visit(page, `/findings`);
    await rows(page).first().waitFor();
    await page.getByText('Rectification findings').first().waitFor();
    expect(await page.locator('.ant-table-thead th', { hasText: 'Deadline' }).count()).toBe(1);
    expect(await page.locator('[data-testid=finding-severity][data-severity=high]').first().textContent()).toBe('High');
    expect(await page.locator('[data-testid=finding-repeat]').first().textContent()).toBe('Repeat');
    await screenshot(page, 'findings-reviewer-en');
  });

  it('hides 整改问题 from roles that read no inspection (teacher)', async () => {
    const page = await open('teacher1');
    await page.locator('.ant-layout-sider').getByText('我的待办').first().waitFor();
    expect(await page.locator('.ant-layout-sider').getByText('整改问题', { exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
