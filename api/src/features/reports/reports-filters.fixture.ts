import { fillPeriods } from '../../bootstrap/fill-periods.js';
import { tx } from '../../db/client.js';
import { findings, instanceParticipants } from '../../db/schema.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

type Json = Record<string, unknown>;

/**
 * The reports' filters tests' district (reports-filters.test.ts on both engines, reports-filters.sqlite.test.ts
 * for SQLite's plans): security inspections with findings, bundled assessments, campus-entry requests and
 * award submissions written straight into the tables over two months and both groups (the workflows that
 * produce them have their own tests), their reporting periods filled as an upgraded database's are.
 */
export async function reportsFiltersFixture(): Promise<{ h: WorkflowHarness; periodsFilled: number }> {
  const h = await makeWorkflowHarness({ reference: false });
  const at = (day: string) => `${day}T02:00:00.000Z`;

  const instance = (
    key: string,
    subjectOrgId: string,
    subjectGroupId: string | null,
    day: string,
    data: Json,
    state = 'done',
  ) => h.writeInstanceRow({ key, subjectOrgId, subjectGroupId, state, data, day });
  async function finding(instanceId: string, schoolId: string, itemCode: string) {
    await tx(h.db, () =>
      h.db.insert(findings).values({
        instanceId,
        schoolId,
        round: 'R1',
        itemCode,
        layer: '主机安全',
        title: itemCode,
        severity: 'medium',
        workdays: 10,
        dueAt: at('2027-01-01'),
        offlineOrdered: false,
        repeat: false,
        status: 'open',
        createdAt: at('2026-11-01'),
      }),
    );
  }

  const { schoolA, schoolA2, schoolB, group1, group2, district } = h.orgs;
  // Security inspection: A (two findings, 1 Nov), A2 (one, 1 Oct), B (one, 20 Nov).
  const a = await instance('security-inspection', schoolA, group1, '2026-11-01', { round: 'R1' });
  await finding(a, schoolA, 'HOST-01');
  await finding(a, schoolA, 'DATA-01');
  await finding(
    await instance('security-inspection', schoolA2, group1, '2026-10-01', { round: 'R1' }),
    schoolA2,
    'HOST-01',
  );
  await finding(
    await instance('security-inspection', schoolB, group2, '2026-11-20', { round: 'R1' }),
    schoolB,
    'HOST-01',
  );
  // Bundled assessment: the subject is the group itself.
  await instance('bundled-assessment', group1, group1, '2026-11-01', { cycle: '2026', groupScore: 90, grade: 'A' });
  await instance('bundled-assessment', group2, group2, '2026-11-20', { cycle: '2026', groupScore: 80, grade: 'B' });
  // Campus entry: filed at the district, visiting schools listed in the data.
  const entry = (schoolIds: string[], itemCode: string, day: string) =>
    instance('campus-entry', district, null, day, {
      schoolIds,
      itemCode,
      activityDate: '2026-12-01',
      teacherHours: 2,
    });
  const campusAB = await entry([schoolA, schoolB], 'KP-01', '2026-11-01');
  await entry([schoolA2], 'KP-02', '2026-11-20');
  // principalA may read the A+B request as a participant (as a visited school's principal is).
  await tx(h.db, () =>
    h.db
      .insert(instanceParticipants)
      .values({ instanceId: campusAB, userId: h.users.principalA ?? '', role: 'school' }),
  );
  // Teaching award: one scored submission per school.
  await instance(
    'teaching-award',
    schoolA,
    group1,
    '2026-11-01',
    { category: '课堂教学', title: '甲', finalScore: 88, level: 'first' },
    'awarded',
  );
  await instance(
    'teaching-award',
    schoolB,
    group2,
    '2026-11-20',
    { category: '课堂教学', title: '乙', finalScore: 77, level: 'second' },
    'awarded',
  );
  // Rows written straight into the table get their reporting period the way an upgraded database does.
  const periodsFilled = await fillPeriods(h.deps);
  return { h, periodsFilled };
}
