import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { plansOf } from '../../test/query-plans.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { assessmentCyclesFixture } from './assessment-cycles.fixture.js';
import { assessmentReport } from './assessment-report.js';

/** SQLite's query plans for the bundled assessment (what it shows is assessment-cycles.test.ts's, on both engines). */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await assessmentCyclesFixture();
});
afterAll(() => h.close());

describe('GET /reports/bundled-assessment cycles (issue 11), on SQLite', () => {
  it("reads the cycle's instances off (definition_id, period) — not every cycle's JSON — and sorts nothing in SQL", async () => {
    for (const who of ['reviewer1', 'lead1']) {
      const user = await h.authUser(who);
      for (const cycle of [undefined, '2025']) {
        const plans = await plansOf(
          h,
          (deps) => assessmentReport(deps, { user, ability: defineAbilityFor(user), cycle }),
          'instances',
        );
        expect(plans.length).toBeGreaterThan(0);
        for (const plan of plans) {
          expect(plan).toMatch(
            /SEARCH instances USING INDEX instances_definition_period_idx \(definition_id=\? AND period=\?\)/,
          );
          expect(plan).not.toMatch(/SCAN instances|USE TEMP B-TREE/);
        }
      }
    }
  });
});
