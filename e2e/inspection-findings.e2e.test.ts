import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { fitsWidth, PHONE, shoot, TABLET } from './devices';
import { signedInPages, useServerAndBrowser } from './harness';
import { photo } from './photo';

type Finding = {
  itemCode: string;
  severity: string;
  workdays: number;
  offlineOrdered: boolean;
  noticeNo: string | null;
  status: string;
  rectifiedAt: string | null;
  returnNote: string | null;
};
type View = { id: string; version: number; state: string; data: { items: Array<Record<string, string>> } };

describe('整改问题, item by item (issue 12 item 4): inspector on a tablet, the school on a phone', () => {
  const env = useServerAndBrowser();
  const errors: string[] = [];
  const open = signedInPages(env);
  let id = '';

  const state = (page: Page) => page.getByTestId('current-state').textContent();
  const action = (page: Page, name: string) =>
    page.locator('[data-testid=event-actions] button', { hasText: name }).click();
  const ledger = async () => {
    const api = await apiSession(env.server.url, 'principal1', env.server.password);
    const rows = (await api<{ items: Finding[] }>('GET', `/findings?instanceId=${id}&limit=100`)).items;
    return Object.fromEntries(rows.map((r) => [r.itemCode, r]));
  };

  it('inspector1 at 768×1024 marks each failed item with its severity, deadline, offline order, notice number and photo', async () => {
    // 西永中学's self-check, submitted by its principal: DATA-01 found failing by the school itself.
    const principal = await apiSession(env.server.url, 'principal1', env.server.password);
    const [own] = (
      await principal<{ items: Array<{ id: string }> }>('GET', '/instances?block=findingsLedger&state=selfCheck')
    ).items;
    expect(own).toBeTruthy();
    id = own!.id;
    const view = await principal<View>('GET', `/instances/${id}`);
    const items = view.data.items.map(({ code, layer, title }) =>
      code === 'DATA-01'
        ? { code, layer, title, result: 'fail', severity: 'medium', note: '学生信息页面未脱敏' }
        : { code, layer, title, result: 'pass', note: '' },
    );
    await principal('POST', `/instances/${id}/events`, {
      type: 'SUBMIT',
      data: { items, selfCheckNotes: '自查发现学生信息展示未脱敏，其余符合要求。' },
      expectedVersion: view.version,
    });

    const page = await open('inspector1', { viewport: TABLET, hasTouch: true, onError: (m) => errors.push(m) });
    await page.getByTestId('inspector-home').waitFor();
    await page
      .locator('[data-testid=home-open-tasks] [data-testid=home-task]', { hasText: '西永中学' })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/instances/${id}$`));
    await expect.poll(() => state(page)).toBe('现场检查');
    await action(page, '提出整改问题');
    const modal = page.locator('.ant-modal-content');
    await modal.getByTestId('findings-raise-findings').waitFor();
    // The school's failure is already a finding, pre-filled from its severity: 中风险, 10 working days.
    const data01 = modal.getByTestId('finding-editor-DATA-01');
    await data01.waitFor();
    expect(await data01.getByTestId('finding-workdays-DATA-01').locator('input').inputValue()).toBe('10');
    await data01.getByText('中风险', { exact: true }).waitFor();

    // The inspector finds weak passwords too: 不符合 opens its finding.
    const host = modal.getByTestId('finding-item-HOST-01');
    await host.getByText('不符合', { exact: true }).click();
    const editor = modal.getByTestId('finding-editor-HOST-01');
    await editor.waitFor();
    // 高风险 pre-fills 5 working days and offers the offline order; the inspector shortens it to 3.
    await editor.getByText('高风险', { exact: true }).click();
    const days = editor.getByTestId('finding-workdays-HOST-01').locator('input');
    await expect.poll(() => days.inputValue()).toBe('5');
    await editor.getByText('按「高风险」预填 5 个工作日').waitFor();
    await days.fill('3');
    await editor.getByTestId('finding-due-on').waitFor();
    await editor.getByTestId('finding-offline-HOST-01').click();
    await editor.getByTestId('finding-notice-HOST-01').fill('高新教网安〔2026〕17号');
    await editor.getByPlaceholder('现场发现的问题（选填）').fill('两台服务器使用出厂默认口令');
    await editor.locator('input[type=file]').setInputFiles(photo('弱口令截图.png'));
    await expect.poll(() => editor.getByTestId('item-evidence-count-HOST-01').textContent()).toBe('佐证 1');
    // DATA-01 is minor after all: 低风险, its 20 days.
    await data01.getByText('低风险', { exact: true }).click();
    await expect.poll(() => data01.getByTestId('finding-workdays-DATA-01').locator('input').inputValue()).toBe('20');
    await data01.getByTestId('finding-notice-DATA-01').fill('高新教网安〔2026〕18号');
    // 责令下线 is offered only where the severity allows it.
    expect(await data01.getByTestId('finding-offline-DATA-01').count()).toBe(0);
    expect(await modal.getByTestId('findings-summary').textContent()).toBe('共 20 项 · 不符合 2 项 · 已登记问题 2 个');
    await modal.getByText('只看不符合项').click();
    await expect.poll(() => modal.locator('[data-testid^=finding-item-]').count()).toBe(2);
    await modal.locator('#__comment').fill('主机存在弱口令，学生信息页面未脱敏，限期整改。');
    await fitsWidth(page);
    await shoot(page, 'findings-raise-tablet');

    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('问题整改');
    const rows = await ledger();
    expect(rows['HOST-01']).toMatchObject({
      severity: 'high',
      workdays: 3,
      offlineOrdered: true,
      noticeNo: '高新教网安〔2026〕17号',
      status: 'open',
    });
    expect(rows['DATA-01']).toMatchObject({ severity: 'low', workdays: 20, noticeNo: '高新教网安〔2026〕18号' });
    // The instance page lists them as the 整改清单, most pressing first.
    const card = page.getByTestId('findings-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('2 项待整改');
    await card.getByTestId('findings-card-HOST-01').getByTestId('finding-offline').waitFor();
    await card.getByTestId('finding-notice-no').first().waitFor();
    await fitsWidth(page);
    await shoot(page, 'findings-raised-tablet');
  });

  it('principal1 on a phone sees the 整改清单 and hands in a note and a photo per finding; a missing one is named on its card', async () => {
    const page = await open('principal1', { viewport: PHONE, hasTouch: true, onError: (m) => errors.push(m) });
    await page.getByTestId('school-home').waitFor();
    await page
      .locator('[data-testid=home-rectifications] [data-testid=home-task]', { hasText: '问题整改' })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/instances/${id}$`));
    const card = page.getByTestId('findings-card');
    await card.waitFor();
    const host = card.getByTestId('findings-card-HOST-01');
    expect(await host.textContent()).toContain('高风险');
    expect(await host.textContent()).toContain('责令下线');
    expect(await host.textContent()).toContain('高新教网安〔2026〕17号');
    expect(await host.textContent()).toContain('两台服务器使用出厂默认口令');
    // The inspector's photo of the failure, under the finding.
    await host.getByTestId('finding-thumb').waitFor();
    await fitsWidth(page);
    await shoot(page, 'findings-school-list-phone');

    await action(page, '提交整改');
    const modal = page.locator('.ant-modal-content');
    const todo = (code: string) => modal.getByTestId(`finding-todo-${code}`);
    await todo('HOST-01').waitFor();
    await todo('HOST-01').getByTestId('finding-note-HOST-01').fill('已重置全部服务器口令并启用复杂度策略');
    await todo('HOST-01').locator('input[type=file]').setInputFiles(photo('口令策略截图.png'));
    await expect
      .poll(() => todo('HOST-01').getByTestId('finding-evidence-count-HOST-01').textContent())
      .toBe('整改佐证 1');
    // DATA-01 left empty: refused, and its card says what is missing.
    await page.getByTestId('event-submit').click();
    await modal.getByTestId('event-error').waitFor();
    await todo('DATA-01').getByTestId('finding-error-DATA-01').waitFor();
    expect(await todo('DATA-01').getByTestId('finding-error-DATA-01').textContent()).toBe('DATA-01 请填写整改说明');
    expect(await todo('DATA-01').getByTestId('finding-evidence-error-DATA-01').textContent()).toBe(
      'DATA-01 须上传整改后的现场照片或文件',
    );
    await todo('DATA-01').scrollIntoViewIfNeeded();
    await shoot(page, 'findings-school-refused-phone');

    await todo('DATA-01').getByTestId('finding-note-DATA-01').fill('学生信息页面已脱敏展示');
    await todo('DATA-01').locator('input[type=file]').setInputFiles(photo('脱敏页面.png'));
    await expect
      .poll(() => todo('DATA-01').getByTestId('finding-evidence-count-DATA-01').textContent())
      .toBe('整改佐证 1');
    expect(await todo('DATA-01').getByTestId('finding-evidence-error-DATA-01').count()).toBe(0);
    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('整改复核');
    expect(Object.values(await ledger()).every((f) => f.rectifiedAt !== null)).toBe(true);
    await card.getByTestId('findings-card-DATA-01').getByText('待复核').waitFor();
  });

  it('inspector1 accepts one finding and returns the other with a reason; the school sees only that one back, with why', async () => {
    const page = await open('inspector1', {
      at: `/instances/${id}`,
      viewport: TABLET,
      hasTouch: true,
      onError: (m) => errors.push(m),
    });
    await expect.poll(() => state(page)).toBe('整改复核');
    await action(page, '退回整改');
    const modal = page.locator('.ant-modal-content');
    const verdict = (code: string) => modal.getByTestId(`finding-verdict-${code}`);
    await verdict('HOST-01').waitFor();
    // The school's note and its evidence are there to judge.
    expect(await verdict('HOST-01').getByTestId('finding-reply-HOST-01').textContent()).toBe(
      '已重置全部服务器口令并启用复杂度策略',
    );
    expect(await verdict('HOST-01').getByTestId('finding-evidence-count-HOST-01').textContent()).toBe('整改佐证 1');
    await verdict('HOST-01').getByText('通过', { exact: true }).click();
    await verdict('DATA-01').getByText('退回', { exact: true }).click();
    await verdict('DATA-01').getByTestId('finding-return-note-DATA-01').fill('截图仍可见完整身份证号');
    await modal.locator('#__comment').fill('学生信息脱敏未到位，退回重改。');
    await fitsWidth(page);
    await shoot(page, 'findings-verify-tablet');
    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('问题整改');
    const rows = await ledger();
    expect(rows['HOST-01']?.status).toBe('closed');
    expect(rows['DATA-01']).toMatchObject({ status: 'open', rectifiedAt: null, returnNote: '截图仍可见完整身份证号' });

    const school = await open('principal1', {
      at: `/instances/${id}`,
      viewport: PHONE,
      hasTouch: true,
      onError: (m) => errors.push(m),
    });
    const card = school.getByTestId('findings-card');
    await card.getByText('退回原因：截图仍可见完整身份证号').waitFor();
    await card.getByTestId('findings-card-HOST-01').getByText('已整改').waitFor();
    await action(school, '提交整改');
    const modal2 = school.locator('.ant-modal-content');
    // Only the returned finding is to do; its earlier photo no longer counts.
    await modal2.getByTestId('finding-todo-DATA-01').waitFor();
    expect(await modal2.locator('[data-testid^=finding-todo-]').count()).toBe(1);
    expect(await modal2.getByTestId('finding-evidence-count-DATA-01').textContent()).toBe('整改佐证 0');
    await modal2.getByTestId('finding-returned-DATA-01').waitFor();
    await fitsWidth(school);
    await shoot(school, 'findings-school-returned-phone');
    await modal2.getByTestId('finding-note-DATA-01').fill('身份证号已按规则掩码显示');
    await modal2.locator('input[type=file]').setInputFiles(photo('掩码后页面.png'));
    await expect.poll(() => modal2.getByTestId('finding-evidence-count-DATA-01').textContent()).toBe('整改佐证 1');
    await school.getByTestId('event-submit').click();
    await modal2.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => state(school), { timeout: 20_000 }).toBe('整改复核');

    // 复核通过: every finding closed, the inspection done.
    await page.reload();
    await action(page, '复核通过');
    await page.locator('.ant-modal-content #__comment').fill('整改到位。');
    await page.getByTestId('event-submit').click();
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('已办结');
    expect(Object.values(await ledger()).map((f) => f.status)).toEqual(['closed', 'closed']);
    expect(errors).toEqual([]);
  });
});
