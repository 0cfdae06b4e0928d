import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

/**
 * The bundled assessment's cycles (assessment-cycles.test.ts on both engines, assessment-cycles.sqlite.test.ts
 * for SQLite's plans): three annual cycles written straight into instances, the latest with one group so far.
 */
export async function assessmentCyclesFixture(): Promise<WorkflowHarness> {
  const h = await makeWorkflowHarness({ reference: false });
  const assessment = (groupId: string, day: string, cycle: string, groupScore: number) =>
    h.writeInstanceRow({
      key: 'bundled-assessment',
      subjectOrgId: groupId,
      subjectGroupId: groupId,
      state: 'published',
      data: { cycle, groupScore, grade: groupScore >= 85 ? '优秀' : '良好' },
      day,
      period: cycle,
    });
  const { group1, group2 } = h.orgs;
  // Three annual cycles, the latest with one group assessed so far.
  await assessment(group1, '2024-03-01', '2024', 70);
  await assessment(group2, '2024-03-02', '2024', 71);
  await assessment(group1, '2025-03-01', '2025', 80);
  await assessment(group2, '2025-03-02', '2025', 81);
  await assessment(group1, '2026-03-01', '2026', 90);
  return h;
}
