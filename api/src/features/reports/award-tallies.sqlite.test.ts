import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { plansOf } from '../../test/query-plans.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { awardReport } from './award-report.js';
import { awardTalliesFixture } from './award-tallies.fixture.js';

/** SQLite's query plans for the award report (its tallies' counts are award-tallies.test.ts's, on both engines). */
let h: WorkflowHarness;
beforeAll(async () => {
  ({ h } = await awardTalliesFixture());
});
afterAll(() => h.close());

describe('award tallies (issue 11), on SQLite', () => {
  it("counts the bureau's levels without reading the year's submissions; a principal's are led by their own", async () => {
    for (const who of ['reviewer1', 'lead1', 'principalA']) {
      const user = await h.authUser(who);
      const run = (deps: typeof h.deps) => awardReport(deps, { user, ability: defineAbilityFor(user), year: '2026' });
      for (const plan of await plansOf(h, run, 'award_tallies'))
        expect(plan).toMatch(
          /SEARCH award_tallies USING (PRIMARY KEY|INDEX sqlite_autoindex_award_tallies_1) \(org_id=\? AND year=\? AND definition_id=\?\)/,
        );
      const read = await plansOf(h, run, 'instances');
      // The bureau reads rows for the ranking only; a lead or principal also for what they take part in beyond their organisations.
      if (who === 'reviewer1') expect(read).toHaveLength(1);
      for (const plan of read) {
        expect(plan).not.toMatch(/SCAN instances/);
        if (who !== 'reviewer1') expect(plan).not.toMatch(/instances_definition_created_idx/);
      }
    }
  });
});
