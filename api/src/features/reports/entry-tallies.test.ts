import { randomUUID } from 'node:crypto';

import { TEMPLATES } from '@eduflow/workflows';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { tx } from '../../db/client.js';
import { instances } from '../../db/schema.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { migrateInstances } from '../definitions/migrate-instances.js';
import { semesterRange } from '../workflow-rules/campus-entry-check.js';
import { familyOf } from '../workflow-rules/families.js';
import { campusEntryReport } from './campus-entry-report.js';
import { campusEntryFromRows } from './campus-entry-rows.js';
import { declareReportTallies } from './declare-report-tallies.js';
import { entryTalliesFixture, request } from './entry-tallies.fixture.js';
import { entryTalliesServe } from './entry-tallies.js';
import { visibleSchools } from './report-scope.js';
import type { TSemesterQuery } from './reports.types.js';

let h: WorkflowHarness;
const SEMESTER = '2026-autumn';
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

let ids: Record<string, string>;
let start: (data: Record<string, unknown>) => Promise<string>;
let ok: (res: Promise<Response>) => Promise<void>;
beforeAll(async () => {
  ({ h, ids, start, ok } = await entryTalliesFixture());
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
    const snapshot = () => h.sql(sql`select * from entry_tallies where n <> 0 order by 1, 2, 3, 4, 5`);
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(10);
    await h.sql(sql`delete from entry_tallies`);
    await h.sql(sql`delete from entry_tally_fields`);
    expect(await declareReportTallies(h.deps)).toBe(2);
    expect(await snapshot()).toEqual(kept);
    expect(await declareReportTallies(h.deps)).toBe(0);
  });
});
