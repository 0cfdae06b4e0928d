import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { plansOf } from '../../test/query-plans.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { awardReport } from './award-report.js';
import { campusEntryFromRows } from './campus-entry-rows.js';
import { reportsFiltersFixture } from './reports-filters.fixture.js';

/**
 * Issue #4: the dashboard's period / group / school filters reach the four domain reports. Rows are
 * written straight into the temp SQLite (the workflows that produce them have their own tests); every
 * read goes through the real routes, CASL scoping included.
 */
let h: WorkflowHarness;
beforeAll(async () => {
  ({ h } = await reportsFiltersFixture());
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
