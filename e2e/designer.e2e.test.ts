import { describe, expect, it } from 'vitest';

import { act, choose, connect, fieldSetup, newBlankDraft, selectNode } from './designer-steps';
import { screenshot, signedInPages, useServerAndBrowser, visit } from './harness';

describe('designer', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('the bureau admin builds 课后服务检查 from scratch; a reviewer approves and publishes it (the admin may not: four eyes); a principal runs it to the end with two reviewers and a bureau decision', async () => {
    const errors: string[] = [];
    const admin = await open('admin', { viewport: { width: 1600, height: 1000 }, onError: (m) => errors.push(m) });

    // From scratch: name and key, then the blank two-step skeleton.
    await newBlankDraft(admin, {
      zh: '课后服务检查',
      en: 'After-school service inspection',
      key: 'after-school-inspection',
    });

    // School self-report with its form.
    await selectNode(admin, 'selfReport');
    await admin.getByTestId('designer-state-name-zh').fill('学校自查填报');
    await admin.getByTestId('designer-state-name-en').fill('School self-report');
    await fieldSetup(admin, 0, 'serviceHours', '数字', '每周课后服务时长（小时）', 'Weekly service hours');
    await fieldSetup(admin, 1, 'serviceSummary', '多行文本', '课后服务情况说明', 'How the service runs');

    // Review with all-of sign-off by the bureau reviewers (two in the demo district).
    await admin.getByTestId('designer-add-state').click();
    await admin.locator('.ant-dropdown-menu-item').filter({ hasText: '会签/审核' }).click();
    await admin.getByTestId('designer-state-id').fill('groupReview');
    await admin.getByTestId('designer-state-name-zh').click();
    await admin.getByTestId('designer-state-name-zh').fill('集团审核会签');
    await admin.getByTestId('designer-state-name-en').fill('Review sign-off');
    await expect.poll(() => admin.getByTestId('designer-node-groupReview').count()).toBe(1);

    // Bureau decision, taken by a bureau reviewer.
    await admin.getByTestId('designer-add-state').click();
    await admin.locator('.ant-dropdown-menu-item').filter({ hasText: '办理' }).click();
    await admin.getByTestId('designer-state-id').fill('decision');
    await admin.getByTestId('designer-state-name-zh').click();
    await admin.getByTestId('designer-state-name-zh').fill('教委决定');
    await admin.getByTestId('designer-state-name-en').fill('Bureau decision');
    await choose(admin, admin.getByTestId('designer-actors-0-role'), '教委科室审核人');
    await choose(admin, admin.getByTestId('designer-actors-0-scope'), '区教委');
    await screenshot(admin, 'designer-states-added');

    // Live validation pins the problems: the review has no outcomes, the decision no way out.
    await expect.poll(() => admin.getByTestId('designer-errors').locator('.ant-list-item').count()).toBeGreaterThan(0);

    // Submit goes to the review instead of the end.
    await selectNode(admin, 'selfReport');
    await admin.getByTestId('designer-edge-link-on.SUBMIT').click();
    await admin.getByTestId('designer-transition-panel').waitFor();
    await choose(
      admin,
      admin.getByTestId('designer-transition-panel').locator('.ant-form-item').filter({ hasText: '流转到' }),
      '集团审核会签',
    );

    // Arrows drawn on the canvas: approve → decision, reject → back to the school (comment required), decide → end.
    await connect(admin, 'groupReview', 'decision', 'groupReview|on.APPROVE');
    await connect(admin, 'groupReview', 'selfReport', 'groupReview|on.REJECT');
    await admin.getByTestId('designer-transition-panel').getByText('必须填写').click();
    await connect(admin, 'decision', 'done', 'decision|on.SUBMIT');
    await admin.getByTestId('designer-event-name').fill('DECIDE');
    await admin.getByTestId('designer-event-label-zh').fill('作出决定');
    await admin.getByTestId('designer-event-label-en').fill('Decide');

    await admin
      .getByTestId('designer-valid')
      .waitFor({ timeout: 5_000 })
      .catch(async (e: unknown) => {
        await screenshot(admin, 'designer-not-valid');
        throw e;
      });
    await screenshot(admin, 'designer-valid');

    // Simulate in the browser before publishing: the school submits.
    await admin.getByTestId('designer-tab-simulate').click();
    await admin.getByTestId('designer-sim-start').click();
    await expect
      .poll(async () => (await admin.getByTestId('designer-sim-state').textContent())?.trim())
      .toBe('学校自查填报');
    await screenshot(admin, 'designer-simulate');

    await admin.getByTestId('designer-save').click();
    // The save must land before the reviewer opens the draft (the four-eyes note below shows before it does:
    // the creator is an editor already), or the reviewer publishes the revision the save then replaces.
    await admin.getByTestId('designer-unsaved').waitFor({ state: 'hidden', timeout: 15_000 });
    // 四眼原则: the admin who drafted it may not publish it. 发布 is disabled; the reason and who may approve show inline and on hover.
    const note = admin.getByTestId('four-eyes-note');
    await expect
      .poll(async () => (await note.textContent().catch(() => '')) ?? '', { timeout: 15_000 })
      .toContain('您编辑过此草稿，须由其他教委管理员或教委科室审核人审核发布');
    expect(await admin.getByTestId('draft-review').textContent()).toContain('编辑人：王建国（教委管理员）');
    expect(await note.textContent()).toContain('可审核发布：其他教委管理员、教委科室审核人');
    const blocked = admin.getByTestId('designer-publish');
    expect(await blocked.isDisabled()).toBe(true);
    expect((await blocked.textContent())?.replace(/\s/g, '')).toBe('发布');
    await blocked.hover({ force: true });
    await admin.getByTestId('four-eyes-tooltip').waitFor({ timeout: 5_000 });
    await screenshot(admin, 'designer-four-eyes-editor');
    const designUrl = admin.url();

    // A bureau reviewer opens the draft read-only, sees who edited it, and approves it after a confirmation naming the editor.
    const approver = await open('reviewer', {
      viewport: { width: 1600, height: 1000 },
      onError: (m) => errors.push(m),
      at: new URL(designUrl).pathname,
    });
    await approver.getByTestId('designer-reviewing').waitFor({ timeout: 20_000 });
    expect(await approver.getByTestId('designer-reviewing').textContent()).toContain('王建国（教委管理员）');
    expect(await approver.getByTestId('designer-save').count()).toBe(0);
    expect(await approver.getByTestId('four-eyes-note').count()).toBe(0);
    const approve = approver.getByTestId('designer-publish');
    expect((await approve.textContent())?.replace(/\s/g, '')).toBe('审核并发布');
    await approve.click();
    const confirm = approver.getByTestId('publish-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('此草稿由 王建国（教委管理员） 编辑');
    expect(await confirm.textContent()).toContain('不可再修改');
    await screenshot(approver, 'designer-four-eyes-confirm');
    await approver.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect
      .poll(async () => (await approver.getByTestId('designer-status').textContent())?.trim(), { timeout: 20_000 })
      .toBe('已发布');
    await confirm.waitFor({ state: 'hidden' });
    expect(await approver.getByTestId('draft-review').textContent()).toContain('审核发布人：李文静（基教科）');
    await screenshot(approver, 'designer-published');

    // The principal starts it in the console: no code change, no restart.
    const principal = await open('principal1', {
      viewport: { width: 1440, height: 900 },
      onError: (m) => errors.push(m),
      at: `/instances/create?definitionKey=after-school-inspection`,
    });
    const subject = principal.locator('.ant-form-item').filter({ has: principal.locator('#subjectOrgId') });
    // Their own school is the only one they may start it for: chosen already, nothing to pick (issue 12).
    await expect
      .poll(async () => (await subject.locator('.ant-select-selection-item').textContent())?.trim())
      .toBe('西永中学');
    expect(await principal.locator('#subjectOrgId').isDisabled()).toBe(true);
    await principal.getByRole('button', { name: /发\s*起/ }).click();
    await principal.waitForURL(/\/instances\/(?!create)[^/?]+$/);
    const instanceUrl = principal.url();
    await act(principal, instanceUrl, '提交', async (modal) => {
      await modal.locator('#serviceHours').click();
      await modal.locator('#serviceHours').pressSequentially('6');
      await modal.locator('#serviceHours').press('Tab');
    });
    await expect
      .poll(async () => (await principal.getByTestId('current-state').textContent())?.trim(), { timeout: 20_000 })
      .toContain('集团审核会签');

    // All-of: both bureau reviewers approve; after the first the review still waits.
    for (const [username, after] of [
      ['reviewer', '集团审核会签'],
      ['reviewer2', '教委决定'],
    ]) {
      // The reviewer goes on in the page they approved the workflow in (act() goes to the instance).
      const page =
        username === 'reviewer'
          ? approver
          : await open(username, { viewport: { width: 1440, height: 900 }, onError: (m) => errors.push(m) });
      await act(page, instanceUrl, '通过');
      await expect
        .poll(async () => (await page.getByTestId('current-state').textContent())?.trim(), { timeout: 20_000 })
        .toContain(after);
    }
    await act(approver, instanceUrl, '作出决定');

    await visit(principal, new URL(instanceUrl).pathname);
    await expect
      .poll(async () => (await principal.getByTestId('current-state').textContent())?.trim(), { timeout: 20_000 })
      .toContain('已办结');
    await screenshot(principal, 'designer-instance-completed');
    expect(errors).toEqual([]);
  });
});
