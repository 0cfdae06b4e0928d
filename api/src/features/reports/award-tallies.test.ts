import { TEMPLATES } from '@eduflow/workflows';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { tx } from '../../db/client.js';
import { instances } from '../../db/schema.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { awardReport } from './award-report.js';
import { awardTalliesFixture } from './award-tallies.fixture.js';
import { declareReportTallies } from './declare-report-tallies.js';
import type { TYearQuery } from './reports.types.js';

/** Issue 11: the award report's levels come from award_tallies for readers scoped by organisation. */
let h: WorkflowHarness;
let ids: string[];

/** Every reader and filter two ways: as served, and counted from the year's rows (a window of the whole year). */
async function compare() {
  const { schoolA, schoolB, group1, group2 } = h.orgs;
  for (const who of ['reviewer1', 'admin', 'auditor', 'lead1', 'principalA', 'principalB', 'expertB']) {
    const user = await h.authUser(who);
    const ability = defineAbilityFor(user);
    for (const filter of [
      {},
      { schoolId: schoolA },
      { schoolId: schoolB },
      { groupId: group1 },
      { groupId: group2 },
      { schoolId: 'no-such-org' },
    ]) {
      const q: TYearQuery = { year: '2026', ...filter };
      const served = await awardReport(h.deps, { user, ability, ...q });
      const rows = await awardReport(h.deps, { user, ability, ...q, from: '2026-01-01', to: '2026-12-31' });
      expect(served, `${who} ${JSON.stringify(filter)}`).toEqual(rows);
    }
  }
}

beforeAll(async () => {
  ({ h, ids } = await awardTalliesFixture());
});
afterAll(() => h.close());

describe('award tallies (issue 11)', () => {
  it('equal a count of the rows as levels are set, voided by a reopened review, moved, migrated and deleted', async () => {
    const levels = async () =>
      (
        await awardReport(h.deps, {
          user: await h.authUser('reviewer1'),
          ability: defineAbilityFor(await h.authUser('reviewer1')),
          year: '2026',
        })
      ).byLevel;
    // Levels stand from the ranking on (公示, 异议复核, awarded); the one still in expert review has none.
    expect(await levels()).toEqual([
      { level: 'first', count: 2 },
      { level: 'second', count: 1 },
      { level: 'special', count: 1 },
    ]);
    await compare();
    // The expert review ends: ranked and levelled, then in public notice.
    await tx(h.db, () =>
      h.db
        .update(instances)
        .set({ state: 'publicNotice', data: { category: '课堂教学', title: '成果4', finalScore: 90, level: 'second' } })
        .where(eq(instances.id, ids[4]!)),
    );
    await compare();
    // An objection sends one back to expert review: its level no longer stands.
    await tx(h.db, () => h.db.update(instances).set({ state: 'expertReview' }).where(eq(instances.id, ids[1]!)));
    expect(await levels()).toEqual([
      { level: 'first', count: 1 },
      { level: 'second', count: 2 },
      { level: 'special', count: 1 },
    ]);
    await compare();
    // A school moves to the other group; a submission moves to a new version; one is removed.
    await tx(h.db, () =>
      h.db
        .update(instances)
        .set({ subjectOrgId: h.orgs.schoolA2, subjectGroupId: h.orgs.group1 })
        .where(eq(instances.id, ids[3]!)),
    );
    const v2 = await h.publish(TEMPLATES['teaching-award']);
    await tx(h.db, () => h.db.update(instances).set({ definitionId: v2 }).where(eq(instances.id, ids[0]!)));
    await tx(h.db, () => h.db.delete(instances).where(eq(instances.id, ids[2]!)));
    await compare();
  });

  it('are what declaring a version fills in from its existing instances', async () => {
    const snapshot = () => h.sql(sql`select * from award_tallies where n <> 0 order by 1, 2, 3, 4, 5`);
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(5);
    await h.sql(sql`delete from award_tallies`);
    await h.sql(sql`delete from level_tally_fields`);
    expect(await declareReportTallies(h.deps)).toBe(2);
    expect(await snapshot()).toEqual(kept);
  });
});
