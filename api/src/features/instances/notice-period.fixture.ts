import { expect } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

const ok = async (res: Response) => expect(res.status, await res.clone().text()).toBe(200);

/** A teaching-award submission's form, titled. */
export const submission = (title: string) => ({
  category: 'achievement',
  title,
  completers: [{ name: '张老师', unit: '实验小学' }],
  practiceYears: 3,
  summaryReport: '三年实践检验的成果总结。',
});

/**
 * The 公示 tests' district (notice-period.test.ts on both engines, notice-period.sqlite.test.ts for SQLite's
 * plans): an award submission and a group's bundled assessment, each taken through the API to its 公示.
 */
export async function noticePeriodFixture(): Promise<{ h: WorkflowHarness; award: string; assessment: string }> {
  const h = await makeWorkflowHarness();
  // A teacher's award submission, recommended, scored by the three experts the API picks, ranked and published: 7 days of 公示.
  const started = (res: Response) => res.json() as Promise<{ id: string }>;
  const award = (
    await started(await h.start('teacherA', 'teaching-award', h.orgs.schoolA, submission('项目式学习重构小学科学课堂')))
  ).id;
  await ok(await h.fire(award, 'principalA', 'RECOMMEND'));
  await ok(await h.fire(award, 'reviewer1', 'PASS'));
  for (const [who, score] of [
    ['expert', 88],
    ['expertB', 90],
    ['expertD', 86],
  ] as const)
    await ok(await h.fire(award, who, 'SUBMIT_PART', { data: { score } }));
  await ok(await h.fire(award, 'reviewer1', 'RANK'));
  await ok(await h.fire(award, 'reviewer1', 'PUBLISH'));
  // Group 1's bundled assessment: both member schools' parts, the lead consolidates, the bureau publishes: 5 days of 公示.
  const assessment = (
    await started(
      await h.start('admin', 'bundled-assessment', h.orgs.group1, { cycle: '2026', indicatorSystem: 'bundled-2026' }),
    )
  ).id;
  const part = { indicatorScores: [{ indicator: 'cadre', score: 40 }], selfSummary: '自评报告' };
  for (const who of ['principalA', 'principalA2'])
    await ok(await h.fire(assessment, who, 'SUBMIT_PART', { data: part }));
  await ok(await h.fire(assessment, 'lead1', 'CONSOLIDATE', { comment: '同意上报' }));
  await ok(await h.fire(assessment, 'reviewer1', 'PUBLISH'));
  return { h, award, assessment };
}
