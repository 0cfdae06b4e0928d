import { randomUUID } from 'node:crypto';

import { TEMPLATES } from '@eduflow/workflows';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { tx } from '../../db/client.js';
import { instances } from '../../db/schema.js';
import { plansOf } from '../../test/query-plans.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { migrateInstances } from '../definitions/migrate-instances.js';
import { semesterRange } from '../workflow-rules/campus-entry-check.js';
import { familyOf } from '../workflow-rules/families.js';
import { campusEntryReport } from './campus-entry-report.js';
import { campusEntryFromRows } from './campus-entry-rows.js';
import { declareReportTallies } from './declare-report-tallies.js';
import { entryTalliesServe } from './entry-tallies.js';
import { visibleSchools } from './report-scope.js';
import type { TSemesterQuery } from './reports.types.js';

let h: WorkflowHarness;
const SEMESTER = '2026-autumn';
const request = (schoolIds: string[], extra: Record<string, unknown> = {}) => ({
  itemCode: 'KP-01',
  title: '科普大篷车进校园',
  activityDate: '2027-01-05',
  schoolIds,
  studentHours: 2,
  teacherHours: 1,
  ...extra,
});
const start = async (data: Record<string, unknown>) => {
  const res = await h.start('outside', 'campus-entry', h.orgs.district, data);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return (await res.json()).id as string;
};
const ok = async (res: Promise<Response>) => expect((await res).status).toBe(200);

/** Every reader and filter two ways: the report as served, and recounted from the semester's requests. */
async function compare() {
  const { schoolA, schoolA2, schoolB, group1, group2 } = h.orgs;
  let tallied = 0;
  for (const who of ['reviewer1', 'admin', 'auditor', 'principalA', 'lead1']) {
    const user = await h.authUser(who);
    const ability = defineAbilityFor(user);
    for (const filter of [
      {},
      { schoolId: schoolA },
      { schoolId: schoolA2 },
      { schoolId: schoolB },
      { groupId: group1 },
      { groupId: group2 },
      { schoolId: 'no-such-org' },
      { from: '2026-11-01' },
    ]) {
      const q: TSemesterQuery = { semester: SEMESTER, ...filter };
      const served = await campusEntryReport(h.deps, { user, ability, ...q });
      const fresh = await campusEntryFromRows(
        h.deps,
        { user, ability, ...q },
        semesterRange(SEMESTER),
        await visibleSchools(h.deps, user),
      );
      expect(
        { perSchool: served.perSchool.map((s) => ({ ...s, cap: 0 })), hoursByItem: served.hoursByItem },
        `${who} ${JSON.stringify(q)}`,
      ).toEqual(fresh);
      const ids = (await familyOf(h.deps, 'entryRules')).map((m) => m.id);
      if ((await entryTalliesServe(h.deps, ability, q, ids, '2026-09-01', '2027-01-31')) && served.hoursByItem.length)
        tallied += 1;
    }
  }
  return tallied;
}

const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await makeWorkflowHarness();
  // Held at A and B, with the hours each school spent.
  ids.held = await start(request([h.orgs.schoolA, h.orgs.schoolB]));
  await ok(h.fire(ids.held, 'reviewer1', 'APPROVE'));
  for (const p of ['principalA', 'principalB'])
    await ok(h.fire(ids.held, p, 'SUBMIT_PART', { data: { decision: 'confirm' } }));
  await ok(h.fire(ids.held, 'principalA', 'SUBMIT_PART', { data: { held: true, actualTeacherHours: 3 } }));
  // Waiting on the bureau at A2, and another at B for a second item.
  ids.pending = await start(request([h.orgs.schoolA2]));
  ids.other = await start(
    request([h.orgs.schoolB, h.orgs.schoolA2], { itemCode: 'XF-01', activityDate: '2027-01-10', teacherHours: 4 }),
  );
});
afterAll(() => h.close());

describe('campus-entry tallies (issue 11)', () => {
  it('equal a recount of the requests as they are confirmed, held, refused, withdrawn, migrated and deleted', async () => {
    expect(await compare()).toBeGreaterThan(10);
    // B records its hours: the request is done.
    await ok(h.fire(ids.held!, 'principalB', 'SUBMIT_PART', { data: { held: true, actualTeacherHours: 2 } }));
    expect((await h.view(ids.held!)).state).toBe('done');
    expect(await compare()).toBeGreaterThan(10);
    // Refused by the bureau, and returned then withdrawn: neither counts any more.
    await ok(h.fire(ids.other!, 'reviewer1', 'REJECT', { comment: '与上级活动重复' }));
    await ok(h.fire(ids.pending!, 'reviewer1', 'RETURN', { comment: '请补充材料' }));
    await ok(h.fire(ids.pending!, 'outside', 'WITHDRAW'));
    expect(await compare()).toBeGreaterThan(10);
    // A new request moved onto a new version counts under it.
    const moving = await start(request([h.orgs.schoolA2], { itemCode: 'XF-01', activityDate: '2027-01-12' }));
    const v2 = await h.publish(TEMPLATES['campus-entry']);
    const moved = await migrateInstances(h.deps, {
      fromDefinitionId: h.defs['campus-entry']!,
      toDefinitionId: v2,
      mapping: { bureauReview: 'bureauReview' },
      dryRun: false,
      limit: 10,
      actor: await h.authUser('admin'),
    });
    expect(moved.items.filter((i) => i.ok).map((i) => i.instanceId)).toContain(moving);
    expect(await compare()).toBeGreaterThan(10);
    // A request removed (a row with nothing hanging on it) leaves the counts.
    const bare = randomUUID();
    const data = request([h.orgs.schoolB], { itemCode: 'KP-02' });
    await tx(h.db, () =>
      h.db.insert(instances).values({
        id: bare,
        definitionId: v2,
        subjectOrgId: h.orgs.district,
        districtId: h.orgs.district,
        state: 'bureauReview',
        status: 'running',
        data,
        snapshot: {},
        createdBy: h.users.admin!,
        createdAt: '2026-11-24T02:00:00.000Z',
        updatedAt: '2026-11-24T02:00:00.000Z',
        period: '2027-01-05',
      }),
    );
    expect(
      (
        await campusEntryReport(h.deps, {
          user: await h.authUser('reviewer1'),
          ability: defineAbilityFor(await h.authUser('reviewer1')),
          semester: SEMESTER,
        })
      ).hoursByItem.map((i) => i.itemCode),
    ).toContain('KP-02');
    await tx(h.db, () => h.db.delete(instances).where(eq(instances.id, bare)));
    expect(await compare()).toBeGreaterThan(10);
  });

  it('are what declaring a version fills in from its existing requests', async () => {
    const snapshot = () => h.sqlite.prepare('select * from entry_tallies where n <> 0 order by 1, 2, 3, 4, 5').all();
    const kept = snapshot();
    expect(kept.length).toBeGreaterThan(10);
    h.sqlite.exec('delete from entry_tallies; delete from entry_tally_fields;');
    expect(await declareReportTallies(h.deps)).toBe(2);
    expect(snapshot()).toEqual(kept);
    expect(await declareReportTallies(h.deps)).toBe(0);
  });

  it("answer the bureau without reading a request: a semester is its months' tally rows", async () => {
    const user = await h.authUser('reviewer1');
    for (const filter of [{}, { schoolId: h.orgs.schoolA }, { groupId: h.orgs.group1 }]) {
      const run = (deps: typeof h.deps) =>
        campusEntryReport(deps, { user, ability: defineAbilityFor(user), semester: SEMESTER, ...filter });
      expect(await plansOf(h, run, 'instances')).toEqual([]);
      const plans = await plansOf(h, run, 'entry_tallies');
      expect(plans.length).toBeGreaterThan(1);
      for (const plan of plans)
        expect(plan).toMatch(
          /^SEARCH entry_tallies USING INDEX sqlite_autoindex_entry_tallies_1 \(definition_id=\? AND month=\? AND kind=\?/,
        );
      // 负担码 lines: the semester's complaints off their filing date (or one school's own), never every complaint.
      for (const plan of await plansOf(h, run, 'burden_reports')) {
        expect(plan).not.toMatch(/SCAN burden_reports/);
        if (!Object.keys(filter).length)
          expect(plan).toMatch(
            /SEARCH burden_reports USING INDEX burden_reports_created_idx \(created_at>\? AND created_at<\?\)/,
          );
      }
    }
  });

  it("lead a principal's report by their own requests, never the semester's every request", async () => {
    const user = await h.authUser('principalA');
    const plans = await plansOf(
      h,
      (deps) => campusEntryReport(deps, { user, ability: defineAbilityFor(user), semester: SEMESTER }),
      'instances',
    );
    expect(plans.length).toBeGreaterThan(1);
    for (const plan of plans) {
      expect(plan).toMatch(/instance_participants_user_instance_idx \(user_id=\?\)/);
      expect(plan).not.toMatch(/instances_definition_period_idx|instances_definition_created_idx|SCAN instances/);
    }
  });
});
