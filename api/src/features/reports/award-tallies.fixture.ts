import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

/**
 * The award tallies' tests' district (award-tallies.test.ts on both engines, award-tallies.sqlite.test.ts for
 * SQLite's plans): teaching-award submissions written straight into instances, levelled or not, over two years.
 */
export async function awardTalliesFixture(): Promise<{ h: WorkflowHarness; ids: string[] }> {
  const h = await makeWorkflowHarness({ reference: false });
  const ids: string[] = [];
  async function submission(
    school: string,
    group: string,
    day: string,
    state: string,
    level: string | null,
    score = 80,
  ) {
    const data = { category: '课堂教学', title: `成果${ids.length}`, finalScore: score, ...(level ? { level } : {}) };
    ids.push(
      await h.writeInstanceRow({
        key: 'teaching-award',
        subjectOrgId: school,
        subjectGroupId: group,
        state,
        data,
        day,
      }),
    );
  }
  const { schoolA, schoolA2, schoolB, group1, group2 } = h.orgs;
  await submission(schoolA, group1, '2026-03-01', 'awarded', 'special');
  await submission(schoolA, group1, '2026-04-01', 'publicNotice', 'first');
  await submission(schoolA2, group1, '2026-05-01', 'objectionReview', 'second');
  await submission(schoolB, group2, '2026-06-01', 'awarded', 'first');
  await submission(schoolB, group2, '2026-06-02', 'expertReview', null);
  await submission(schoolB, group2, '2025-06-02', 'awarded', 'first');
  return { h, ids };
}
