import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Done = {
  instanceId: string;
  action: { 'zh-CN': string };
  stateName: { 'zh-CN': string };
  figures: Array<{ name: string; label: { 'zh-CN': string }; value: number }>;
};
const done = async (who: string): Promise<Done[]> =>
  (await (await h.get('/api/tasks/done?limit=50', await h.as(who))).json()).items;

/** A submission of school A at 专家评审, its three experts assigned by the API (回避). */
async function underReview(title: string) {
  const started = await h.start('teacherA', 'teaching-award', h.orgs.schoolA, {
    category: 'achievement',
    title,
    completers: [{ name: '张老师', unit: '实验小学' }],
    practiceYears: 3,
    summaryReport: '经三年实践检验。',
  });
  const { id } = (await started.json()) as { id: string };
  expect((await h.fire(id, 'principalA', 'RECOMMEND')).status).toBe(200);
  expect((await h.fire(id, 'reviewer1', 'PASS')).status).toBe(200);
  return id;
}

describe('专家评分 (issue 12 item 10): the rubric, the button, and the score the expert gave', () => {
  it('the expert’s button says 提交评分; the criteria, each in its range, add up to the score', async () => {
    const id = await underReview('学科融合的科学实践课程');
    const view = await h.view(id, 'expert');
    expect(view.availableEvents.find((e) => e.type === 'SUBMIT_PART')?.label['zh-CN']).toBe('提交评分');

    const wrongTotal = await h.fire(id, 'expert', 'SUBMIT_PART', {
      data: { innovation: 26, practice: 35, spread: 24, score: 90 },
    });
    expect(wrongTotal.status).toBe(422);
    expect((await wrongTotal.json()).error.fieldErrors.score['zh-CN']).toBe('「评分（总分）」应为各评分项之和 85');
    const outOfRange = await h.fire(id, 'expert', 'SUBMIT_PART', {
      data: { innovation: 35, practice: 35, spread: 24 },
    });
    expect(outOfRange.status).toBe(422);
    expect((await outOfRange.json()).error.fieldErrors.innovation['zh-CN']).toBe('「创新性」不能大于 30');

    // The criteria alone: the API adds them up.
    const ok = await h.fire(id, 'expert', 'SUBMIT_PART', {
      data: { innovation: 26, practice: 35, spread: 24, expertComment: '实践扎实' },
    });
    expect(ok.status, JSON.stringify(await ok.clone().json())).toBe(200);

    // Afterwards the expert sees what they gave, on the instance and in 已办 …
    const mine = await h.view(id, 'expert');
    const step = mine.parts?.find((s) => s.step === 'expertReview');
    expect(step?.scope).toBe('own');
    expect(step?.parts).toEqual([
      expect.objectContaining({
        userId: h.users.expert,
        status: 'submitted',
        data: { innovation: 26, practice: 35, spread: 24, score: 85, expertComment: '实践扎实' },
      }),
    ]);
    const row = (await done('expert')).find((d) => d.instanceId === id);
    expect(row?.action['zh-CN']).toBe('提交评分');
    expect(row?.figures.map((f) => [f.label['zh-CN'], f.value])).toEqual([
      ['评分（总分）', 85],
      ['创新性', 26],
      ['实践检验效果', 35],
      ['示范推广价值', 24],
    ]);
  });

  it('… while the submitting side and the other experts see none of it: no part, no figure, no name', async () => {
    const id = await underReview('劳动教育课程群建设');
    expect(
      (await h.fire(id, 'expert', 'SUBMIT_PART', { data: { innovation: 20, practice: 30, spread: 20 } })).status,
    ).toBe(200);
    for (const who of ['teacherA', 'principalA', 'expertB']) {
      const seen = await h.view(id, who);
      expect(seen.parts?.flatMap((s) => s.parts).filter((p) => p.status === 'submitted') ?? []).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain(h.users.expert);
    }
    // The teacher's own 已办 (提交 of the submission is not a task; the principal's 推荐上报 is) carries no scores.
    const principal = (await done('principalA')).find((d) => d.instanceId === id);
    expect(principal?.action['zh-CN']).toBe('推荐上报');
    expect(principal?.figures).toEqual([]);
    expect((await done('expertB')).some((d) => d.instanceId === id)).toBe(false);
  });
});
