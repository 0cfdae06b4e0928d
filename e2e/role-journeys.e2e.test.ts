import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, startServer, type RunningServer } from './harness';
import { apiSession } from './api-client';

type Row = { id: string; subjectName: string; state: string };

describe('role journeys', () => {
  let server: RunningServer;
  let browser: Browser;
  const pages: Page[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
    pages.push(page);
    await signIn(page, server.url, username, server.password);
    return page;
  }

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
    const names = await rows.locator('td:nth-child(2)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set([school]));
    await screenshot(page, 'reviewer-filtered-list');
  });

  it('inspector on a tablet: opens an inspection from the desk, raises findings, the school moves to rectification', async () => {
    const page = await open('inspector1', { width: 820, height: 1180 });
    await page.getByTestId('inspector-home').waitFor();
    const task = page.locator('[data-testid=home-open-tasks] [data-testid=home-task]', { hasText: '现场检查' }).first();
    await task.waitFor();
    await screenshot(page, 'inspector-tablet-home');
    await task.click();
    await page.waitForURL(/\/instances\/[^/?]+$/);
    await page.getByTestId('state-trace').waitFor();
    await expect.poll(() => page.getByTestId('current-state').textContent()).toBe('现场检查');
    await page.locator('[data-testid=event-actions] button', { hasText: '提出整改问题' }).click();
    const modal = page.locator('.ant-modal-content');
    await modal.waitFor();
    await modal.locator('#__comment').fill('主机存在弱口令，学生信息页面未脱敏，限期整改。');
    await screenshot(page, 'inspector-tablet-findings');
    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => page.getByTestId('current-state').textContent(), { timeout: 20_000 }).toBe('问题整改');
    await screenshot(page, 'inspector-tablet-after');
  });

  it('wide screens show the trace diagram with the current step highlighted', async () => {
    const admin = await apiSession(server.url, 'admin', server.password);
    const list = await admin<{ items: Row[] }>('GET', '/instances?definitionKey=security-inspection&state=verification');
    const page = await open('reviewer');
    await page.goto(`${server.url}/instances/${list.items[0].id}`);
    const diagram = page.getByTestId('trace-diagram');
    await diagram.waitFor();
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

  it('auditor: lands on the audit log with the chain verified, reads instances without a way to start one', async () => {
    const page = await open('auditor');
    await page.waitForURL(/\/audit/);
    await page.getByTestId('chain-ok').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=audit-table] tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'auditor-audit-log');
    await page.goto(`${server.url}/instances`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: /发起流程/ }).count()).toBe(0);
  });

  it('principal1 opening principal2’s instance by URL sees the refusal page and none of its data', async () => {
    const p2 = await apiSession(server.url, 'principal2', server.password);
    const theirs = await p2<{ items: Row[] }>('GET', '/instances?definitionKey=security-inspection');
    const target = theirs.items.find((r) => r.subjectName === '曾家中学');
    expect(target).toBeDefined();
    const page = await open('principal1');
    await page.goto(`${server.url}/instances/${target?.id}`);
    await page.locator('.ant-result-403, .ant-result-404').waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain('曾家中学');
    expect(await page.getByTestId('instance-header').count()).toBe(0);
    await screenshot(page, 'principal-forbidden');
  });

  it('raised no page errors in any journey', () => {
    expect(errors).toEqual([]);
  });
});
