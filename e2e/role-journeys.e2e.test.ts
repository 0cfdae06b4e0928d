import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { downloaded, type OpenOptions, screenshot, signedInPages, useServerAndBrowser } from './harness';
import { pickOption } from './select-option';

type Row = { id: string; subjectName: string; state: string };

describe('role journeys', () => {
  const env = useServerAndBrowser();
  const errors: string[] = [];
  // One browser for the file, one context per journey, closed after it.
  const signedIn = signedInPages(env);
  const open = (username: string, options: OpenOptions = {}) =>
    signedIn(username, { onError: (m) => errors.push(m), ...options });

  it('bureau reviewer: the dashboard, then a chart link opens the filtered instance list', async () => {
    const page = await open('reviewer');
    await page.getByTestId('dashboard').waitFor();
    await page.locator('[data-testid=chart-findings] canvas').first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'reviewer-dashboard');
    const link = page.locator('[data-testid=findings-school-links] a').first();
    const school = (await link.textContent())?.replace(/\s*\d+$/, '').trim() ?? '';
    expect(school).not.toBe('');
    await link.click();
    await page.waitForURL(/\/instances\?/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    // Bureau roles get a selection column first (bulk chase), so the school is the third cell.
    const names = await rows.locator('td:nth-child(3)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set([school]));
    await screenshot(page, 'reviewer-filtered-list');
  });

  it('bureau admin: a workflow × step segment of the overview opens exactly those instances', async () => {
    const page = await open('admin');
    await page.locator('[data-testid=chart-by-workflow] canvas').first().waitFor({ timeout: 20_000 });
    const link = page.locator('[data-testid=workflow-state-links] a', { hasText: '网络安全检查 · 问题整改' });
    await link.click();
    await page.waitForURL(/\/instances\?/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const states = await rows.locator('td:nth-child(4)').allTextContents();
    expect(new Set(states)).toEqual(new Set(['问题整改']));
    // The name cell holds the instance's title (the round) over its workflow's name.
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toContainEqual(
      expect.stringContaining('网络安全检查'),
    );
    await screenshot(page, 'admin-overview-filtered');
  });

  it('outside department: files a campus-entry request from the desk and sees it there', async () => {
    const page = await open('dept1');
    await page.getByTestId('dept-home').waitFor();
    const cards = page.locator('[data-testid=home-requests] [data-testid=home-instance]');
    await cards.first().waitFor();
    const before = await cards.count();
    await screenshot(page, 'dept-home');
    await page.getByTestId('new-entry-request').click();
    await page.waitForURL(/\/instances\/create/);
    await page.locator('#title').waitFor();
    await pickOption(page.locator('#itemCode'), undefined, '法治');
    await page.locator('#title').fill('防溺水与法治安全教育讲座');
    const day = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#activityDate').click();
    await page.locator('#activityDate').fill(day);
    await page.keyboard.press('Enter');
    await pickOption(page.locator('#schoolIds'), undefined, '土主');
    await page.keyboard.press('Escape');
    await page.locator('#studentHours').fill('2');
    await screenshot(page, 'dept-new-request');
    await page.getByRole('button', { name: /提交并发起/ }).click();
    await page.waitForURL(/\/instances\/[^/]+$/, { timeout: 20_000 });
    await expect.poll(() => page.getByTestId('current-state').textContent()).toBe('教委审核');
    await screenshot(page, 'dept-request-filed');
    await page
      .getByRole('link', { name: /工作台/ })
      .first()
      .click();
    await page.getByTestId('dept-home').waitFor();
    await expect.poll(() => cards.count()).toBe(before + 1);
  });

  it('wide screens show the trace diagram with the current step highlighted', async () => {
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const list = await admin<{ items: Row[] }>(
      'GET',
      '/instances?definitionKey=security-inspection&state=verification',
    );
    const page = await open('reviewer');
    const id = list.items[0].id;
    // The diagram's code is asked for with the page, not after the instance's data: the card must not grow
    // under the pointer once the page has drawn.
    const at: { diagramAsked?: number; viewAnswered?: number } = {};
    page.on('request', (r) => {
      if (/\/assets\/trace-diagram-[^/]*\.js$/.test(new URL(r.url()).pathname)) at.diagramAsked ??= Date.now();
    });
    page.on('requestfinished', (r) => {
      if (new URL(r.url()).pathname === `/api/instances/${id}`) at.viewAnswered ??= Date.now();
    });
    await page.goto(`${env.server.url}/instances/${id}`);
    const diagram = page.getByTestId('trace-diagram');
    await diagram.waitFor();
    expect(at.diagramAsked, 'the diagram was fetched').toBeDefined();
    expect(at.diagramAsked!).toBeLessThanOrEqual(at.viewAnswered!);
    await expect.poll(() => diagram.getByTestId('trace-node-current').textContent()).toContain('整改复核');
    expect(await diagram.getByTestId('trace-node-visited').count()).toBeGreaterThanOrEqual(3);
    await page.getByTestId('state-trace').screenshot({ path: `${process.cwd()}/test-output/trace-diagram.png` });
  });

  it('group lead: the group desk lists the member schools’ running workflows', async () => {
    const page = await open('lead1');
    await page.getByTestId('group-home').waitFor();
    const cards = page.locator('[data-testid=home-running] [data-testid=home-instance]');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    const text = await page.getByTestId('home-running').textContent();
    expect(text).toContain('西永中学');
    expect(text).not.toContain('曾家中学'); // another group's school
    await screenshot(page, 'lead-group-home');
  });

  it('principal1 opening principal2’s instance by URL sees the refusal page and none of its data', async () => {
    const p2 = await apiSession(env.server.url, 'principal2', env.server.password);
    const theirs = await p2<{ items: Row[] }>('GET', '/instances?definitionKey=security-inspection');
    const target = theirs.items.find((r) => r.subjectName === '曾家中学');
    expect(target).toBeDefined();
    const page = await open('principal1', { at: `/instances/${target?.id}` });
    await page.locator('.ant-result-403, .ant-result-404').waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain('曾家中学');
    expect(await page.getByTestId('instance-header').count()).toBe(0);
    await screenshot(page, 'principal-forbidden');
    // The page says it once: no stray "not found" toast from the data provider beside it.
    expect(await page.locator('.ant-notification-notice, .ant-message-notice').count()).toBe(0);
  });

  it('bureau admin: a stale organisation edit offers to reload and never overwrites', async () => {
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const { items } = await admin<{ items: Array<{ id: string; name: string; version: number }> }>(
      'GET',
      '/orgs?type=school',
    );
    const school = items.find((o) => o.name === '森林中学');
    expect(school).toBeDefined();
    const page = await open('admin', { at: '/orgs' });
    await page.getByPlaceholder('按名称筛选').fill('森林中学');
    await page.locator('.ant-tree-title', { hasText: /^森林中学$/ }).click();
    const form = page.getByTestId('org-form');
    await form.locator('#name').waitFor();
    // Someone else saves first.
    await admin('PATCH', `/orgs/${school?.id}`, { name: '森林中学（新校区）', expectedVersion: school?.version });
    await form.locator('#code').fill('SL-01');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('stale-alert').waitFor();
    await screenshot(page, 'admin-org-stale');
    await page.getByTestId('stale-reload').click();
    await expect.poll(() => form.locator('#name').inputValue()).toBe('森林中学（新校区）');
    const after = await admin<{ items: Array<{ id: string; code: string | null }> }>('GET', '/orgs?type=school');
    expect(after.items.find((o) => o.id === school?.id)?.code).not.toBe('SL-01');
  });

  it('bureau admin: the instance list exports to Excel with its filters', async () => {
    const page = await open('admin', { at: '/instances' });
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-instances').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await downloaded(download)).subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip
  });

  it('bureau admin: a school import with bad rows lists every problem by row and writes nothing', async () => {
    const page = await open('admin', { at: '/orgs' });
    await page.getByRole('button', { name: /批量导入/ }).click();
    const modal = page.locator('.ant-modal-content');
    await modal.locator('input[type=file]').setInputFiles({
      name: '学校导入.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '学校名称,所属集团,代码\n新苗中学,科学城第一中学教育集团,S900\n,科学城第一中学教育集团,\n星光中学,不存在的集团,\n',
      ),
    });
    await page.getByTestId('import-run').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const rows = result.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(expect.arrayContaining(['3', '4']));
    await screenshot(page, 'admin-import-errors');
  });

  it('bureau reviewer: opens the inspection for every kindergarten at once and watches the progress', async () => {
    const page = await open('reviewer', { at: '/instances' });
    await page.getByTestId('bulk-start').click();
    const modal = page.locator('.ant-modal-content');
    await pickOption(modal.locator('#definitionId'), '网络安全检查');
    await modal.getByRole('button', { name: '幼儿园' }).click();
    await pickOption(modal.getByTestId('user-picker'), '周强', '周强');
    await page.keyboard.press('Escape');
    await modal.locator('#round').fill('2026年秋季幼儿园网络安全检查');
    await page.getByTestId('bulk-start-run').click();
    const result = page.getByTestId('bulk-result');
    await result.waitFor({ timeout: 30_000 });
    await screenshot(page, 'reviewer-bulk-start');
    const [, done, total] = /已处理 (\d+) \/ (\d+)/.exec((await modal.textContent()) ?? '') ?? [];
    expect(Number(done)).toBe(Number(total));
    const [, started, failed] = /已发起 (\d+) 个，失败 (\d+) 个/.exec((await result.textContent()) ?? '') ?? [];
    expect(Number(started)).toBeGreaterThan(5);
    expect(Number(failed)).toBe(0);
  });

  it('raised no page errors in any journey', () => {
    expect(errors.join('\n')).toBe('');
  });
});
