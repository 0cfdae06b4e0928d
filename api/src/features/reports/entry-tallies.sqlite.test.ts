import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { plansOf } from '../../test/query-plans.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { campusEntryReport } from './campus-entry-report.js';
import { entryTalliesFixture } from './entry-tallies.fixture.js';

/** SQLite's query plans for the campus-entry report (its tallies' counts are entry-tallies.test.ts's, on both engines). */
let h: WorkflowHarness;
const SEMESTER = '2026-autumn';
beforeAll(async () => {
  ({ h } = await entryTalliesFixture());
});
afterAll(() => h.close());

describe('campus-entry tallies (issue 11), on SQLite', () => {
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
