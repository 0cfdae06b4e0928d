import { describe, expect, it } from 'vitest';

import schoolReport from '../api/src/test/fixtures/school-report.json' with { type: 'json' };
import { apiSession } from './api-client';
import { type OpenOptions, screenshot, signedInPages, useServerAndBrowser, visit } from './harness';
import { openOptions, pickOption } from './select-option';

// Issue 12, items 2, 6 and 7: things are named by what they are; teachers have a home; start forms know who you are.
const DISTRICT = '重庆高新区公共服务局（教育）';
const AWARDS = [
  '“双减”背景下初中作业设计的实践探索',
  '基于大概念的初中物理单元教学',
  '跨学科主题学习：嘉陵江水质调查',
  '初中数学“说题”校本课程',
  '校园足球精品课',
];

describe('titles, the teacher’s home and start forms', () => {
  const env = useServerAndBrowser();
  const errors: string[] = [];
  const signedIn = signedInPages(env);
  const open = (username: string, options: OpenOptions = {}) =>
    signedIn(username, { onError: (m) => errors.push(m), ...options });

  it('dept1: each request card names the activity and 区科协, never the bureau; the page and the tab say the same', async () => {
    const page = await open('dept1');
    await page.getByTestId('dept-home').waitFor();
    const titles = page.locator('[data-testid=home-requests] [data-testid=home-instance-title]');
    await titles.first().waitFor();
    const names = await titles.allTextContents();
    expect(names).toContain('青少年科学素质讲座');
    expect(names).toContain('机器人科普秀');
    expect(names.some((n) => n.includes(DISTRICT))).toBe(false);
    expect(new Set(names).size).toBe(names.length);
    expect(await page.getByTestId('home-requests').textContent()).toContain('区科学技术协会 · 社会事务进校园申请');
    await screenshot(page, 'titles-dept-home');

    await page.locator('[data-testid=home-instance]', { hasText: '青少年科学素质讲座' }).click();
    await expect.poll(() => page.getByTestId('instance-title').textContent()).toBe('青少年科学素质讲座');
    expect(await page.getByTestId('instance-requester').textContent()).toBe('区科学技术协会 · 社会事务进校园申请');
    await expect.poll(() => page.title()).toContain('青少年科学素质讲座 · 区科学技术协会');
    await screenshot(page, 'titles-dept-request');
  });

  it('principal1: the 区科协 lecture to confirm is named by its title and requester in the inbox and on its page', async () => {
    const page = await open('principal1');
    await page.getByTestId('school-home').waitFor();
    const entry = page.locator('[data-testid=home-entries] [data-testid=home-task]', { hasText: '青少年科学素质讲座' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('区科学技术协会');
    await visit(page, `/tasks`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '青少年科学素质讲座' });
    await row.waitFor();
    expect(await row.textContent()).toContain('区科学技术协会');
    await screenshot(page, 'titles-principal-inbox');
    await row.click();
    await expect.poll(() => page.getByTestId('instance-title').textContent()).toBe('青少年科学素质讲座');
    await expect.poll(() => page.title()).not.toContain(DISTRICT);
    // 消息中心 names it the same way.
    await visit(page, `/notifications`);
    const notice = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '青少年科学素质讲座' }).first();
    await notice.waitFor();
    expect(await notice.textContent()).toContain('青少年科学素质讲座 · 学校确认 · 区科学技术协会');
    await screenshot(page, 'titles-principal-notifications');
  });

  it('teacher1: lands on a home with 我的申报 — five titled submissions with their steps — and can search them', async () => {
    const page = await open('teacher1');
    await page.getByTestId('teacher-home').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const rows = page.locator('[data-testid=my-submissions] [data-testid=my-submission]');
    await expect.poll(() => rows.count()).toBe(5);
    const text = (await page.getByTestId('my-submissions').textContent()) ?? '';
    for (const title of AWARDS) expect(text).toContain(title);
    expect(text).toContain('专家评审');
    expect(text).toContain('西永中学 · 教学成果奖与精品课评审');
    // The 公示中 card names the submission in its notice too.
    expect(await page.getByTestId('notice-section').textContent()).toContain('基于大概念的初中物理单元教学');
    await expect.poll(() => page.locator('[data-testid=my-submissions] .ant-spin-spinning').count()).toBe(0);
    await screenshot(page, 'teacher-home');

    await page.locator('[data-testid=my-submissions] input').fill('物理');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('基于大概念的初中物理单元教学');
    await page.locator('[data-testid=my-submissions] input').fill('没有这个名称');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('my-submissions').textContent())
      .toContain('没有名称包含“没有这个名称”的申报');
  });

  it('teacher1: reports a non-teaching demand with the 负担码, and the bureau gets it without the name', async () => {
    const page = await open('teacher1', { viewport: { width: 390, height: 844 } });
    await page.getByTestId('teacher-home').waitFor();
    await page.locator('[data-testid=my-submission]').first().waitFor();
    await screenshot(page, 'teacher-home-phone');
    await page.getByTestId('open-burden-report').click();
    await page.waitForURL(/\/burden-reports$/);
    await page.getByTestId('burden-report-page').waitFor();
    // Nothing filled: the form says what is missing, nothing is sent.
    await page.getByTestId('burden-submit').click();
    await page.getByText('请选择事项').last().waitFor();
    await pickOption(page.locator('#burdenItem'), /JF-0[0-9]/);
    await page.keyboard.press('Escape');
    await page.getByTestId('burden-description').fill('社区要求每位老师每周转发宣传文章并截图上报，占用备课时间');
    await page.locator('#hours').fill('4');
    await screenshot(page, 'teacher-burden-form-phone');
    await page.getByTestId('burden-submit').click();
    await page
      .getByTestId('burden-report-filed')
      .waitFor()
      .catch(async (e) => {
        await screenshot(page, 'teacher-burden-not-filed');
        throw e;
      });
    expect(await page.getByTestId('burden-report-filed').textContent()).toMatch(
      /已提交，教委将于 \d{4}-\d{2}-\d{2} 前办理/,
    );
    await screenshot(page, 'teacher-burden-filed-phone');

    const reviewer = await apiSession(env.server.url, 'reviewer', env.server.password);
    const queue = await reviewer<{ items: Array<{ description: string; schoolName: string }> }>(
      'GET',
      '/burden-reports?status=open',
    );
    const mine = queue.items.find((r) => r.description.startsWith('社区要求每位老师'));
    expect(mine).toMatchObject({ schoolName: '西永中学' });
    expect(JSON.stringify(mine)).not.toContain('teacher1');
  });

  it('teacher1: a new submission has 西永中学 chosen and no other school to pick', async () => {
    const page = await open('teacher1');
    await page.getByTestId('teacher-home').waitFor();
    await page.getByTestId('new-submission').click();
    await page.waitForURL(/\/instances\/create/);
    const subject = page.getByTestId('start-subject');
    await expect.poll(() => subject.textContent()).toContain('西永中学');
    expect(await subject.locator('input').isDisabled()).toBe(true);
    expect(await page.getByText('只能为本单位发起').count()).toBe(1);
    await screenshot(page, 'teacher-start-form');
  });

  it('principal1: the start page offers no workflow they may not start, and says so instead of a form', async () => {
    const page = await open('principal1', { at: '/instances/create?definitionKey=teaching-award' });
    await page.getByText('目前没有您可以发起的流程').waitFor();
    expect(await page.locator('#title').count()).toBe(0);
    expect(await page.getByRole('button', { name: /提交并发起/ }).isDisabled()).toBe(true);
    await screenshot(page, 'principal-start-refused');
    // The bureau may pick any school: the same list is open, none chosen for them.
    const reviewer = await open('reviewer', { at: '/instances/create?definitionKey=security-inspection' });
    const subject = reviewer.getByTestId('start-subject');
    const options = await openOptions(subject);
    await options.first().waitFor();
    expect(await options.count()).toBeGreaterThan(5);
    expect(await subject.locator('.ant-select-selection-item').count()).toBe(0);
  });

  it('principal1: a workflow principals start has 西永中学 chosen; filed, it is listed by its title', async () => {
    // The bureau publishes a school workflow that principals start (drafted by admin, approved by reviewer).
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const reviewer = await apiSession(env.server.url, 'reviewer', env.server.password);
    const draft = await admin<{ id: string }>('POST', '/definitions', {
      definition: { ...schoolReport, key: 'school-safety-report', title: { 'zh-CN': '{title}', en: '{title}' } },
    });
    await reviewer('POST', `/definitions/${draft.id}/publish?confirm=1`);

    const page = await open('principal1', { at: '/instances/create?definitionKey=school-safety-report' });
    const subject = page.getByTestId('start-subject');
    await expect.poll(() => subject.textContent()).toContain('西永中学');
    expect(await subject.locator('input').isDisabled()).toBe(true);
    await page.locator('#title').fill('2026 年秋季校园安全月报');
    await screenshot(page, 'principal-start-form');
    await page.getByRole('button', { name: /提交并发起/ }).click();
    await page.waitForURL(/\/instances\/[^/]+$/, { timeout: 20_000 });
    await expect.poll(() => page.getByTestId('instance-title').textContent()).toBe('2026 年秋季校园安全月报');
    expect(await page.getByTestId('instance-requester').textContent()).toBe('西永中学 · 学校专项报告');
    await visit(page, `/instances`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '2026 年秋季校园安全月报' });
    await row.waitFor();
    expect(await row.textContent()).toContain('西永中学');
    await screenshot(page, 'principal-instance-list');
  });

  it('the instance list searches by name: principal1 within their school; the bureau once a school is chosen', async () => {
    const page = await open('principal1', { at: '/instances' });
    const rows = page.locator('.ant-table-tbody tr[data-row-key]');
    await rows.first().waitFor();
    await page.getByTestId('filter-instances-q').fill('物理');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('基于大概念的初中物理单元教学')]);
    await screenshot(page, 'titles-principal-search');

    const reviewer = await open('reviewer', { at: '/instances' });
    await reviewer.locator('.ant-table-tbody tr[data-row-key]').first().waitFor();
    const q = reviewer.getByTestId('filter-instances-q');
    // Over the whole district a substring search would scan it: a school or group comes first.
    expect(await q.isDisabled()).toBe(true);
    await pickOption(reviewer.locator('#orgId'), '西永中学', '西永');
    await expect.poll(() => q.isDisabled()).toBe(false);
    await q.fill('足球');
    await reviewer.getByRole('button', { name: /查\s*询/ }).click();
    const found = reviewer.locator('.ant-table-tbody tr[data-row-key]');
    await expect.poll(() => found.allTextContents()).toEqual([expect.stringContaining('校园足球精品课')]);
  });

  it('teacher1 in English: the desk and the burden code read in English', async () => {
    const page = await open('teacher1');
    await page.evaluate(() => localStorage.setItem('eduflow.language', 'en'));
    await page.goto(`${env.server.url}/`);
    await page.getByTestId('teacher-home').waitFor();
    await expect.poll(() => page.getByTestId('my-submissions').textContent()).toContain('My submissions');
    expect(await page.getByTestId('burden-card').textContent()).toContain('Report a non-teaching demand');
    await page.locator('[data-testid=my-submission]').first().waitFor();
    await screenshot(page, 'teacher-home-en');
    await page.getByTestId('open-burden-report').click();
    await expect
      .poll(() => page.getByTestId('burden-report-page').textContent())
      .toContain('Burden code · Report a non-teaching demand');
    await screenshot(page, 'teacher-burden-en');
  });

  it('no page error on the way', () => {
    expect(errors).toEqual([]);
  });
});
