import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { fillPeriods } from '../../bootstrap/fill-periods.js';
import { tx } from '../../db/client.js';
import { findings, instanceParticipants, instances } from '../../db/schema.js';
import { plansOf } from '../../test/query-plans.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { awardReport } from './award-report.js';
import { campusEntryFromRows } from './campus-entry-rows.js';

/**
 * Issue #4: the dashboard's period / group / school filters reach the four domain reports. Rows are
 * written straight into the temp SQLite (the workflows that produce them have their own tests); every
 * read goes through the real routes, CASL scoping included.
 */
let h: WorkflowHarness;
type Json = Record<string, unknown>;
const at = (day: string) => `${day}T02:00:00.000Z`;

async function instance(
  key: string,
  subjectOrgId: string,
  subjectGroupId: string | null,
  day: string,
  data: Json,
  state = 'done',
) {
  const id = randomUUID();
  await tx(h.db, () =>
    h.db.insert(instances).values({
      id,
      definitionId: h.defs[key] ?? '',
      subjectOrgId,
      subjectGroupId,
      districtId: h.orgs.district,
      state,
      status: 'running',
      data,
      snapshot: {},
      createdBy: h.users.admin ?? '',
      createdAt: at(day),
      updatedAt: at(day),
    }),
  );
  return id;
}
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

let campusAB = '';
beforeAll(async () => {
  h = await makeWorkflowHarness({ reference: false });
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
  campusAB = await entry([schoolA, schoolB], 'KP-01', '2026-11-01');
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
  expect(await fillPeriods(h.deps)).toBe(3 + 2 + 2);
});
afterAll(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('GET /reports/security-inspection with the dashboard filters (SQLite)', () => {
  it("the campus-entry report reads the semester's requests off (definition_id, period) — not every year's JSON (issue 11)", async () => {
    const user = await h.authUser('reviewer1');
    // The rows path (readers of their own requests, creation windows); the bureau's figures come from entry_tallies (entry-tallies.test.ts).
    const range = { from: '2026-09-01', to: '2027-01-31' };
    const plans = await plansOf(
      h,
      (deps) =>
        campusEntryFromRows(deps, { user, ability: defineAbilityFor(user), semester: '2026-autumn' }, range, null),
      'instances',
    );
    expect(plans.length).toBeGreaterThan(1);
    for (const plan of plans)
      expect(plan).toMatch(/instances_definition_period_idx \(definition_id=\? AND period>\? AND period<\?\)/);
  });

  it("reads only the year's submissions off (definition_id, created_at) — not every year's (issue 11)", async () => {
    const user = await h.authUser('reviewer1');
    const plans = await plansOf(
      h,
      (deps) => awardReport(deps, { user, ability: defineAbilityFor(user), year: '2026' }),
      'instances',
    );
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans)
      expect(plan).toMatch(/instances_definition_created_idx \(definition_id=\? AND created_at>\? AND created_at<\?\)/);
  });
});
