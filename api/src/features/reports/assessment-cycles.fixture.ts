import { randomUUID } from 'node:crypto';

import { tx } from '../../db/client.js';
import { instances } from '../../db/schema.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

/**
 * The bundled assessment's cycles (assessment-cycles.test.ts on both engines, assessment-cycles.sqlite.test.ts
 * for SQLite's plans): three annual cycles written straight into instances, the latest with one group so far.
 */
export async function assessmentCyclesFixture(): Promise<WorkflowHarness> {
  const h = await makeWorkflowHarness({ reference: false });
  const at = (day: string) => `${day}T02:00:00.000Z`;
  async function assessment(groupId: string, day: string, cycle: string, groupScore: number) {
    const data = { cycle, groupScore, grade: groupScore >= 85 ? '优秀' : '良好' };
    await tx(h.db, () =>
      h.db.insert(instances).values({
        id: randomUUID(),
        definitionId: h.defs['bundled-assessment'] ?? '',
        subjectOrgId: groupId,
        subjectGroupId: groupId,
        districtId: h.orgs.district,
        state: 'published',
        status: 'running',
        data,
        snapshot: {},
        createdBy: h.users.admin ?? '',
        createdAt: at(day),
        updatedAt: at(day),
        period: cycle,
      }),
    );
  }
  const { group1, group2 } = h.orgs;
  // Three annual cycles, the latest with one group assessed so far.
  await assessment(group1, '2024-03-01', '2024', 70);
  await assessment(group2, '2024-03-02', '2024', 71);
  await assessment(group1, '2025-03-01', '2025', 80);
  await assessment(group2, '2025-03-02', '2025', 81);
  await assessment(group1, '2026-03-01', '2026', 90);
  return h;
}
