import { TEMPLATES } from '@eduflow/workflows';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser, visit } from './harness';
import { pickOption } from './select-option';

type Row = { id: string; title: { 'zh-CN': string }; state: string };
const dayIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function setDate(page: Page, day: string) {
  const input = page.locator('#activityDate');
  await input.click();
  await input.fill(day);
  await page.keyboard.press('Enter');
}

describe('issue 12.1: a request refused by rule says why, and the rules can be checked before filing', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('dept1 pre-checks a request 14 days ahead, files it anyway: the toast, the page, the history and the notice name the rule', async () => {
    const page = await open('dept1');
    await page.getByTestId('dept-home').waitFor();
    await page.getByTestId('new-entry-request').click();
    await page.waitForURL(/\/instances\/create/);
    await page.locator('#title').waitFor();
    // The start form says where the rules can be checked before filing, naming them as the definition declares.
    const hint = page.getByTestId('precheck-hint');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('按规定时间提前申报');
    expect(await hint.textContent()).toContain('预检');

    await pickOption(page.locator('#itemCode'), undefined, '法治');
    await page.locator('#title').fill('禁毒与法治安全讲座');
    await setDate(page, dayIn(14));
    await pickOption(page.locator('#schoolIds'), undefined, '土主');
    await page.keyboard.press('Escape');

    // 预检: the same checks, nothing filed.
    const dept = await apiSession(env.server.url, 'dept1', env.server.password);
    const before = (await dept<{ items: Row[] }>('GET', '/instances?mine=1&limit=100')).items.length;
    await page.getByTestId('precheck-run').click();
    const result = page.getByTestId('precheck-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('预检未通过');
    expect(await result.locator('[data-rule=leadTime]').textContent()).toContain('须提前 30 天申报（本次提前 14 天）');
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, 'refusal-precheck-fails');
    expect((await dept<{ items: Row[] }>('GET', '/instances?mine=1&limit=100')).items).toHaveLength(before);

    // A later date: the pre-check no longer names the lead time (and says the answer above was for older values).
    await setDate(page, dayIn(35));
    await page.getByTestId('precheck-run').click();
    await expect
      .poll(async () => (await result.locator('[data-rule=leadTime]').count()) + ((await result.textContent()) ?? ''))
      .not.toContain('须提前');
    await screenshot(page, 'refusal-precheck-later');

    // Filed anyway at 14 days: the toast says filed and refused, and why — never a plain success.
    await setDate(page, dayIn(14));
    await page.getByRole('button', { name: /提交并发起/ }).click();
    const toast = page.locator('.ant-message-notice', { hasText: '申请已提交，但未通过自动校验' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('须提前 30 天申报');
    expect(await page.locator('.ant-message-notice', { hasText: '流程已发起' }).count()).toBe(0);
    await page.waitForURL(/\/instances\/[^/]+$/, { timeout: 20_000 });
    await expect.poll(() => page.getByTestId('current-state').textContent()).toBe('未通过');

    // The page: each failed rule with its reason.
    const card = page.getByTestId('refusal');
    await card.waitFor();
    expect(await card.textContent()).toContain('「自动校验」按流程规定的规则自动校验');
    expect(await card.locator('[data-rule=leadTime]').textContent()).toBe(
      '按规定时间提前申报：须提前 30 天申报（本次提前 14 天）',
    );
    // The history: under the entry that filed it.
    const history = page.getByTestId('history');
    await history.getByTestId('history-refusals').waitFor();
    expect(await history.getByTestId('history-refusals').textContent()).toContain('须提前 30 天申报');
    await screenshot(page, 'refusal-page');

    // The requester's notice: 自动校验未通过, with the rule.
    await visit(page, `/notifications`);
    const row = page.locator('[data-testid=inbox-table] tr.ant-table-row', { hasText: '禁毒与法治安全讲座' });
    await row.waitFor();
    expect(await row.textContent()).toContain('自动校验未通过');
    expect(await row.getByTestId('inbox-reasons').textContent()).toContain('须提前 30 天申报（本次提前 14 天）');
    await screenshot(page, 'refusal-notice');
  });

  it("a bureau's copy that renamed the request's fields offers the same pickers: whitelist items and schools", async () => {
    // The copy names its fields differently everywhere the document does: forms, the listed schools, the blocks.
    const name = { 'zh-CN': '社会事务进校园申请（试点版）', en: 'Campus entry request (pilot)' };
    let json = JSON.stringify({ ...TEMPLATES['campus-entry'], key: 'campus-entry-renamed', name });
    json = json.replaceAll('"itemCode"', '"activity"').replaceAll('"schoolIds"', '"targetSchools"');
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const reviewer = await apiSession(env.server.url, 'reviewer', env.server.password);
    const draft = await admin<{ id: string }>('POST', '/definitions', { definition: JSON.parse(json) as unknown });
    await reviewer('POST', `/definitions/${draft.id}/publish?confirm=1`);

    const page = await open('dept1', { at: '/instances/create?definitionKey=campus-entry-renamed' });
    await page.locator('#title').waitFor();
    await pickOption(page.locator('#activity'), undefined, '法治');
    await pickOption(page.locator('#targetSchools'), undefined, '土主');
    await page.keyboard.press('Escape');
    const chosen = (id: string) => page.locator(`.ant-select:has(#${id}) .ant-select-selection-item`).allTextContents();
    expect((await chosen('activity')).join()).toContain('法治');
    expect((await chosen('targetSchools')).join()).toContain('土主');
    await screenshot(page, 'refusal-renamed-copy-start-form');

    // Filed, its page names the item as people know it, not by its code.
    await page.locator('#title').fill('试点版：法治安全讲座');
    await setDate(page, dayIn(35));
    await page.getByRole('button', { name: /提交并发起/ }).click();
    await page.waitForURL(/\/instances\/[^/]+$/, { timeout: 20_000 });
    const data = page.getByTestId('instance-data');
    await expect.poll(() => data.textContent()).toContain('法治进校园');
    expect(await data.textContent()).toContain('土主');
    await screenshot(page, 'refusal-renamed-copy-instance');
  });

  it('the seeded refusals carry their reasons: 不在白名单 and 提前申报', async () => {
    const dept = await apiSession(env.server.url, 'dept1', env.server.password);
    const refused = (await dept<{ items: Row[] }>('GET', '/instances?mine=1&limit=100')).items.filter(
      (r) => r.state === 'refused',
    );
    const titles = Object.fromEntries(refused.map((r) => [r.title['zh-CN'], r.id]));
    const page = await open('dept1', { viewport: { width: 390, height: 844 } });
    for (const [title, rule, text] of [
      ['编程培训机构课程推介', 'onWhitelist', '不在本年度白名单内'],
      ['机器人科普秀', 'leadTime', '须提前 30 天申报'],
    ]) {
      expect(titles[title], title).toBeDefined();
      await visit(page, `/instances/${titles[title]}`);
      const card = page.getByTestId('refusal');
      await card.waitFor();
      expect(await card.locator(`[data-rule=${rule}]`).textContent()).toContain(text);
      expect(await page.getByTestId('history-refusals').textContent()).toContain(text);
      await screenshot(page, `refusal-seeded-${rule}-phone`);
    }
  });
});
