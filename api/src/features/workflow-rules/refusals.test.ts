import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const award = {
  category: 'achievement',
  title: '合格的成果名称',
  completers: [{ name: '张老师', unit: '实验小学' }],
  practiceYears: 3,
  summaryReport: '总结报告',
};
const errorOf = async (res: Response) => ({ status: res.status, ...(await res.json()).error });

describe('every other refusal of the built-in workflows, each named', () => {
  it.each([
    ['title', { title: '一'.repeat(36) }],
    ['completers', { completers: Array.from({ length: 6 }, (_, i) => ({ name: `完成人${i}`, unit: '实验小学' })) }],
    ['practiceYears', { practiceYears: 1 }],
  ])('teaching award: a submission with a bad %s is refused with that field’s message (422)', async (field, bad) => {
    const e = await errorOf(await h.start('teacherA', 'teaching-award', h.orgs.schoolA, { ...award, ...bad }));
    expect(e).toMatchObject({ status: 422, code: 'VALIDATION' });
    expect(Object.keys(e.fieldErrors)).toEqual([field]);
    expect(e.fieldErrors[field]['zh-CN']).toBeTruthy();
  });

  it('security inspection: unanswered items, passing with failures, findings without failures', async () => {
    const started = await (
      await h.start(
        'admin',
        'security-inspection',
        h.orgs.schoolA,
        { round: '规则', items: CHECKLIST_V1.items },
        { inspector: [h.users.inspector] },
      )
    ).json();
    expect(await errorOf(await h.fire(started.id, 'principalA', 'SUBMIT'))).toMatchObject({
      status: 409,
      code: 'GUARD_FAILED',
      rule: 'allItemsAnswered',
    });
    const allPass = CHECKLIST_V1.items.map((i) => ({ ...i, result: 'pass' }));
    expect((await h.fire(started.id, 'principalA', 'SUBMIT', { data: { items: allPass } })).status).toBe(200);
    // Nothing failed, so there is no finding to raise: the action's required findings are missing (the
    // form's check comes before the rules), and the dialog already says why, from the guard.
    expect(await errorOf(await h.fire(started.id, 'inspector', 'RAISE_FINDINGS', { comment: '问题' }))).toMatchObject({
      status: 422,
      code: 'VALIDATION',
      fieldErrors: { findings: { 'zh-CN': '请填写「整改问题（逐项）」', en: '"Findings, item by item" is required' } },
    });
    const raise = (await h.view(started.id, 'inspector')).availableEvents.find((e) => e.type === 'RAISE_FINDINGS');
    expect(raise?.blockedBy?.rule).toBe('hasFailedItems');
    const oneFail = allPass.map((i) => (i.code === 'NET-01' ? { ...i, result: 'fail' } : i));
    expect(
      await errorOf(await h.fire(started.id, 'inspector', 'PASS', { data: { items: oneFail }, comment: '通过' })),
    ).toMatchObject({ status: 409, rule: 'noFailedItems' });
    expect(await errorOf(await h.fire(started.id, 'inspector', 'PASS'))).toMatchObject({
      status: 422,
      code: 'COMMENT_REQUIRED',
    });
    // Another school's principal cannot even see it.
    expect(await errorOf(await h.fire(started.id, 'principalB', 'PASS', { comment: 'x' }))).toMatchObject({
      status: 404,
    });
  });

  it('bundled assessment: consolidating before every part is in, and returning a part by someone other than the lead', async () => {
    const started = await (
      await h.start('admin', 'bundled-assessment', h.orgs.group1, { cycle: '2030', indicatorSystem: 'bundled-2026' })
    ).json();
    const part = { indicatorScores: [{ indicator: 'cadre', score: 40 }], selfSummary: '自评' };
    expect((await h.fire(started.id, 'principalA', 'SUBMIT_PART', { data: part })).status).toBe(200);
    expect(await errorOf(await h.fire(started.id, 'lead1', 'CONSOLIDATE', { comment: '汇总' }))).toMatchObject({
      status: 409,
      rule: 'allPartsIn',
    });
    expect(
      await errorOf(
        await h.fire(started.id, 'principalA2', 'RETURN_PART', {
          data: { userId: h.users.principalA },
          comment: '退回',
        }),
      ),
    ).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(await errorOf(await h.fire(started.id, 'principalA', 'SUBMIT_PART', { data: part }))).toMatchObject({
      status: 409,
      code: 'EVENT_NOT_ALLOWED',
    });
  });

  it('campus entry: only the requester revises, a school outside the request cannot confirm', async () => {
    const started = await (
      await h.start('outside', 'campus-entry', h.orgs.district, {
        itemCode: 'FZ-01',
        title: '法治讲座',
        activityDate: '2027-01-06',
        schoolIds: [h.orgs.schoolA],
      })
    ).json();
    expect(started.state).toBe('bureauReview');
    expect(await errorOf(await h.fire(started.id, 'reviewer1', 'REJECT'))).toMatchObject({
      status: 422,
      code: 'COMMENT_REQUIRED',
    });
    expect((await h.fire(started.id, 'reviewer1', 'APPROVE')).status).toBe(200);
    expect(
      await errorOf(await h.fire(started.id, 'principalB', 'SUBMIT_PART', { data: { decision: 'confirm' } })),
    ).toMatchObject({ status: 404 });
    expect(
      await errorOf(await h.fire(started.id, 'principalA', 'SUBMIT_PART', { data: { decision: 'maybe' } })),
    ).toMatchObject({ status: 422, code: 'VALIDATION' });
  });
});
