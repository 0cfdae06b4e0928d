import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import type { Harness } from '../../test/harness.js';
import { plansOf } from '../../test/query-plans.js';
import { overviewReport } from './overview-report.js';
import { overviewTalliesFixture } from './overview-tallies.fixture.js';

/** SQLite's query plans for the dashboard (its tallies' counts are overview-tallies.test.ts's, on both engines). */
let h: Harness;
beforeAll(async () => {
  ({ h } = await overviewTalliesFixture());
});
afterAll(() => h.close());

describe('dashboard tallies (issue 11, ADR 0016), on SQLite', () => {
  it("answer the bureau's dashboard without reading instances, and a lead's or principal's reading only those they take part in", async () => {
    for (const who of ['reviewer1', 'lead1', 'principalA']) {
      const user = await h.authUser(who);
      const ability = defineAbilityFor(user);
      for (const query of [{}, { from: '2026-11-01', to: '2027-01-31' }]) {
        const read = await plansOf(h, (deps) => overviewReport(deps, { user, ability, query }), 'instances');
        if (who === 'reviewer1') expect(read).toEqual([]);
        for (const plan of read)
          expect(plan).not.toMatch(/SCAN instances|instances_subject|instances_group|instances_definition/);
        for (const plan of await plansOf(
          h,
          (deps) => overviewReport(deps, { user, ability, query }),
          'instance_tallies',
        )) {
          expect(plan).toMatch(/SEARCH instance_tallies USING (PRIMARY KEY|INDEX sqlite_autoindex_instance_tallies)/);
        }
      }
    }
  });
});
