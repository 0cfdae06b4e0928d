import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { act, choose, connect, fieldSetup, newBlankDraft, selectNode } from './designer-steps';
import { screenshot, signedInPages, useServerAndBrowser, visit } from './harness';

/** Adds a step of a kind, gives it an id and names. */
async function addStep(page: Page, kind: string, id: string, zh: string, en: string) {
  await page.getByTestId('designer-add-state').click();
  await page
    .locator('.ant-dropdown-menu-item')
    .filter({ hasText: new RegExp(`^${kind}$`) })
    .click();
  await page.getByTestId('designer-state-id').fill(id);
  await page.getByTestId('designer-state-name-zh').click();
  await page.getByTestId('designer-state-name-zh').fill(zh);
  await page.getByTestId('designer-state-name-en').fill(en);
  await expect.poll(() => page.getByTestId(`designer-node-${id}`).count()).toBe(1);
}

/** Adds a block from the registry to the open panel's block list. */
async function addBlock(page: Page, list: string, label: string) {
  await choose(page, page.getByTestId(`${list}-add`), label);
  await page.getByTestId(list).locator('.ant-card').filter({ hasText: label }).last().waitFor();
}

describe('designer: blocks make a new workflow behave like the built-in ones', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('the bureau admin builds 课后服务质量评比 with expert assignment (回避) and trimmed-mean scoring, and a bureau reviewer publishes it', async () => {
    const errors: string[] = [];
    const admin = await open('admin', { viewport: { width: 1600, height: 1000 }, onError: (m) => errors.push(m) });
    await newBlankDraft(admin, {
      zh: '课后服务质量评比',
      en: 'After-school service appraisal',
      key: 'after-school-appraisal',
    });

    // The school reports; its title is what the ranking shows.
    await selectNode(admin, 'selfReport');
    await admin.getByTestId('designer-state-name-zh').fill('学校申报');
    await admin.getByTestId('designer-state-name-en').fill('School submission');
    await fieldSetup(admin, 0, 'title', '单行文本', '申报名称', 'Title');
    await fieldSetup(admin, 1, 'serviceSummary', '多行文本', '课后服务工作总结', 'Service summary');

    // The bureau checks it and assigns the experts.
    await addStep(admin, '办理', 'formalCheck', '初审与分配专家', 'Formal check');
    await choose(admin, admin.getByTestId('designer-actors-0-role'), '教委科室审核人');
    await choose(admin, admin.getByTestId('designer-actors-0-scope'), '区教委');
    await fieldSetup(admin, 0, 'experts', '多选', '评审专家', 'Experts', false);

    // Experts score independently, each their own part.
    await addStep(admin, '分头填报', 'scoring', '专家评分', 'Expert scoring');
    await choose(admin, admin.getByTestId('designer-participants-role'), '评审专家');
    await choose(admin, admin.getByTestId('designer-participants-scope'), '指派人员');
    await choose(admin, admin.getByTestId('designer-collectors-0-role'), '教委科室审核人');
    await choose(admin, admin.getByTestId('designer-collectors-0-scope'), '区教委');
    await fieldSetup(admin, 0, 'score', '评分', '评分', 'Score');

    // The bureau ranks and sets the level.
    await addStep(admin, '办理', 'ranking', '排名定级', 'Ranking');
    await choose(admin, admin.getByTestId('designer-actors-0-role'), '教委科室审核人');
    await choose(admin, admin.getByTestId('designer-actors-0-scope'), '区教委');
    await fieldSetup(admin, 0, 'finalScore', '数字', '最终得分', 'Final score', false);
    await fieldSetup(admin, 1, 'level', '单选', '等次', 'Level', false);
    for (const [i, value, zh] of [
      [0, 'special', '特等奖'],
      [1, 'first', '一等奖'],
      [2, 'second', '二等奖'],
    ] as const) {
      await admin.getByTestId('designer-field-1-option-add').click();
      await admin.getByTestId(`designer-field-1-option-${i}-value`).fill(value);
      await admin.getByTestId(`designer-field-1-option-${i}-zh`).fill(zh);
    }

    // 提交 goes to the formal check; the others are drawn on the canvas.
    await selectNode(admin, 'selfReport');
    await admin.getByTestId('designer-edge-link-on.SUBMIT').click();
    await choose(
      admin,
      admin.getByTestId('designer-transition-panel').locator('.ant-form-item').filter({ hasText: '流转到' }),
      '初审与分配专家',
    );

    await connect(admin, 'formalCheck', 'scoring', 'formalCheck|on.SUBMIT');
    await admin.getByTestId('designer-event-name').fill('PASS');
    await admin.getByTestId('designer-event-label-zh').fill('初审通过并分配专家');
    await admin.getByTestId('designer-event-label-en').fill('Pass and assign experts');
    await admin.getByTestId('designer-assigns').click();
    await choose(admin, admin.getByTestId('designer-assigns-role'), '评审专家');
    await choose(admin, admin.getByTestId('designer-assigns-field'), '评审专家 (experts)');
    await addBlock(admin, 'designer-action-blocks', '分配评审专家（回避）');
    await expect.poll(() => admin.getByTestId('block-assignExperts').textContent()).toContain('回避');
    await screenshot(admin, 'designer-blocks-assign-experts');

    await connect(admin, 'scoring', 'ranking', 'scoring|on.SUBMIT');
    await admin.getByTestId('designer-event-name').fill('RANK');
    await admin.getByTestId('designer-event-label-zh').fill('进入排名定级');
    await admin.getByTestId('designer-event-label-en').fill('Go to ranking');

    await connect(admin, 'ranking', 'done', 'ranking|on.SUBMIT');
    await admin.getByTestId('designer-event-name').fill('PUBLISH');
    await admin.getByTestId('designer-event-label-zh').fill('评定等次');
    await admin.getByTestId('designer-event-label-en').fill('Set the level');
    await addBlock(admin, 'designer-action-blocks', '去掉最高最低分取平均');
    // The scores come from the one collect step, picked for the block when it was added.
    await expect
      .poll(() => admin.getByTestId('block-trimmedMean').getByTestId('block-param-from').textContent())
      .toContain('专家评分');
    await addBlock(admin, 'designer-action-blocks', '按名额评定等次');
    await choose(
      admin,
      admin.getByTestId('block-levelByQuota').getByTestId('block-param-titleField'),
      '申报名称 (title)',
    );
    await screenshot(admin, 'designer-blocks-scoring');

    await admin
      .getByTestId('designer-valid')
      .waitFor({ timeout: 5_000 })
      .catch(async (e: unknown) => {
        await screenshot(admin, 'designer-blocks-not-valid');
        throw e;
      });
    // The simulator runs the graph in the browser and says the server computes the blocks.
    await admin.getByTestId('designer-tab-simulate').click();
    await admin.getByTestId('designer-sim-start').click();
    await admin.getByTestId('designer-save').click();
    // 四眼原则: the admin who drafted it may not publish it; a bureau reviewer approves it.
    await expect
      .poll(
        async () =>
          (await admin
            .getByTestId('four-eyes-note')
            .textContent()
            .catch(() => '')) ?? '',
        { timeout: 15_000 },
      )
      .toContain('您编辑过此草稿');
    const reviewerDesk = await open('reviewer', {
      viewport: { width: 1600, height: 1000 },
      onError: (m) => errors.push(m),
      at: new URL(admin.url()).pathname,
    });
    await reviewerDesk.getByTestId('designer-publish').click();
    // Publishing cannot be undone: the console always asks first (a first version drops nothing).
    await reviewerDesk.getByTestId('publish-confirm').waitFor();
    expect(await reviewerDesk.getByTestId('publish-confirm-block').count()).toBe(0);
    await screenshot(reviewerDesk, 'designer-blocks-publish-confirm');
    await reviewerDesk.getByTestId('publish-confirm-ok').click();
    await expect
      .poll(async () => (await reviewerDesk.getByTestId('designer-status').textContent())?.trim(), { timeout: 20_000 })
      .toBe('已发布');
    await reviewerDesk.close();
    expect(errors).toEqual([]);
  });

  // The workflow the test above published (tests in a file run in order); apart, each stays well within the
  // per-test time on a busy machine (together they took 90 s of the 120).
  it('the published 课后服务质量评比 runs: the reviewer assigns three experts (回避), their trimmed-mean scores give it a level, and it appears in the award report', async () => {
    const errors: string[] = [];
    // 西永中学 submits; the reviewer passes it without naming anyone: three experts from other groups are assigned.
    const principal = await open('principal1', {
      viewport: { width: 1440, height: 900 },
      onError: (m) => errors.push(m),
      at: `/instances/create?definitionKey=after-school-appraisal`,
    });
    // Their own school, the only one they may start it for, is chosen already (issue 12).
    const subject = principal.locator('.ant-form-item').filter({ has: principal.locator('#subjectOrgId') });
    await expect
      .poll(async () => (await subject.locator('.ant-select-selection-item').textContent())?.trim())
      .toBe('西永中学');
    await principal.getByRole('button', { name: /发\s*起/ }).click();
    await principal.waitForURL(/\/instances\/(?!create)[^/?]+$/);
    const url = principal.url();
    const id = url.split('/').pop()!;
    await act(principal, url, '提交', async (modal) => {
      await modal.locator('#title').fill('西永中学“五育融合”课后服务');
    });

    const reviewer = await open('reviewer', { viewport: { width: 1440, height: 900 }, onError: (m) => errors.push(m) });
    await act(reviewer, url, '初审通过并分配专家');
    const api = await apiSession(env.server.url, 'reviewer', env.server.password);
    type View = { state: string; data: Record<string, unknown> };
    const assigned = await api<View>('GET', `/instances/${id}`);
    expect(assigned.state).toBe('scoring');
    expect((assigned.data.experts as string[]).length).toBe(3);

    for (const [username, score] of [
      ['expert1', '86'],
      ['expert2', '90'],
      ['expert3', '82'],
    ] as const) {
      const page = await open(username, { viewport: { width: 1440, height: 900 }, onError: (m) => errors.push(m) });
      await act(page, url, '提交本单位填报', async (modal) => {
        const input = modal.locator('#score');
        await input.click();
        await input.fill(score);
        await input.press('Tab');
      });
      await page.close();
    }
    await act(reviewer, url, '进入排名定级');
    await act(reviewer, url, '评定等次');
    const done = await api<View>('GET', `/instances/${id}`);
    expect(done.state).toBe('done');
    // Three scores: the plain mean; the first of its year and category gets the first level of the rubric.
    expect(done.data).toMatchObject({ finalScore: 86, level: 'special' });
    await visit(reviewer, new URL(url).pathname);
    await reviewer.getByTestId('current-state').waitFor();
    await screenshot(reviewer, 'designer-blocks-appraisal-done');

    // The award report ranks it beside the built-in workflow's submissions.
    const { year } = await api<{ year: string }>('GET', '/reports/teaching-award');
    const report = await api<{
      ranking: Array<{ category: string; items: Array<{ instanceId: string; title: string; level: string | null }> }>;
    }>('GET', `/reports/teaching-award?year=${year}`);
    const row = report.ranking.flatMap((c) => c.items).find((i) => i.instanceId === id);
    expect(row).toMatchObject({ title: '西永中学“五育融合”课后服务', level: 'special' });
    expect(errors).toEqual([]);
  });

  it('a new version that renames 现场检查 and drops a block: blocks follow the rename, and 发布 names the dropped block and the stranded instances, pointing to 迁移实例', async () => {
    const admin = await open('admin', { viewport: { width: 1600, height: 1000 } });
    const api = await apiSession(env.server.url, 'admin', env.server.password);
    const defs = (
      await api<{ items: Array<{ id: string; key: string }> }>(
        'GET',
        '/definitions?status=published&block=findingsLedger',
      )
    ).items;
    const inspection = defs.find((d) => d.key === 'security-inspection');
    expect(inspection).toBeTruthy();
    await visit(admin, `/definitions/${inspection!.id}/design`);
    await admin.getByTestId('designer-new-version').click();
    await admin.waitForURL((u) => !u.pathname.includes(inspection!.id) && u.pathname.endsWith('/design'));
    await admin.getByTestId('designer-node-inspection').waitFor();
    await selectNode(admin, 'inspection');
    await admin.getByTestId('designer-state-id').fill('onSiteCheck');
    await admin.getByTestId('designer-state-name-zh').click();
    await expect.poll(() => admin.getByTestId('designer-node-onSiteCheck').count()).toBe(1);
    await admin.getByTestId('designer-edge-link-on.RAISE_FINDINGS').click();
    const blocks = admin.getByTestId('designer-action-blocks');
    await blocks
      .getByTestId('block-rectificationDeadline')
      .getByRole('button', { name: /删除|Remove/ })
      .click();
    await expect.poll(() => blocks.getByTestId('block-rectificationDeadline').count()).toBe(0);
    // The ledger block stays on the renamed step's action.
    expect(await blocks.getByTestId('block-findingsLedger').count()).toBe(1);
    await admin.getByTestId('designer-valid').waitFor({ timeout: 5_000 });
    await admin.getByTestId('designer-save').click();
    await expect
      .poll(
        async () =>
          (await admin
            .getByTestId('four-eyes-note')
            .textContent()
            .catch(() => '')) ?? '',
        { timeout: 15_000 },
      )
      .toContain('您编辑过此草稿');
    // A bureau reviewer approves the new version; the confirmation names what it drops and strands.
    const approver = await open('reviewer', {
      viewport: { width: 1600, height: 1000 },
      at: new URL(admin.url()).pathname,
    });
    await approver.getByTestId('designer-publish').click();
    const confirm = approver.getByTestId('publish-confirm');
    await confirm.waitFor();
    await expect
      .poll(() => confirm.getByTestId('publish-confirm-block').allTextContents())
      .toEqual([expect.stringContaining('整改期限按最高风险等级')]);
    await expect
      .poll(async () => (await confirm.getByTestId('publish-confirm-step').allTextContents()).join('|'))
      .toContain('现场检查');
    expect(await confirm.getByRole('link', { name: /迁移实例/ }).count()).toBe(1);
    await screenshot(approver, 'designer-blocks-publish-risks');
    await approver.getByTestId('publish-confirm-ok').click();
    await expect
      .poll(async () => (await approver.getByTestId('designer-status').textContent())?.trim(), { timeout: 20_000 })
      .toBe('已发布');
  });
});
