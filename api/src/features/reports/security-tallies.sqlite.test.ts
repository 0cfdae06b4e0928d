import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { plansOf } from '../../test/query-plans.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { ALL_ROUNDS } from './reports.types.js';
import { securityReport } from './security-report.js';
import { AUTUMN, securityTalliesFixture } from './security-tallies.fixture.js';

/** SQLite's query plans for the security report (its tallies' counts are security-tallies.test.ts's, on both engines). */
let h: WorkflowHarness;
beforeAll(async () => {
  ({ h } = await securityTalliesFixture());
});
afterAll(() => h.close());

describe('security report tallies (issue 11), on SQLite', () => {
  it("reads tallies and today's overdue findings for the bureau, a lead and a principal — never a scan, never a sort", async () => {
    for (const who of ['reviewer1', 'lead1', 'principalA']) {
      const user = await h.authUser(who);
      const ability = defineAbilityFor(user);
      for (const q of [{}, { round: AUTUMN }, { round: ALL_ROUNDS }, { groupId: h.orgs.group1 }]) {
        const run = (deps: typeof h.deps) => securityReport(deps, { user, ability, ...q });
        const read = await plansOf(h, run, 'findings');
        expect(read.length).toBeGreaterThan(0);
        for (const plan of read) {
          // Overdue: the open findings not handed in, past due — off the partial index, or the round's open ones.
          if (who === 'reviewer1')
            expect(plan).toMatch(
              /SEARCH findings USING INDEX (findings_overdue_idx \(due_at<\?\)|findings_round_status_idx \(round=\? AND status=\? AND due_at<\?\))/,
            );
          // (A participant's own instances are a UNION of their few ids: that one may use a temporary b-tree.)
          expect(plan).not.toMatch(/SCAN (findings|instances)|USE TEMP B-TREE/);
          // What a lead or principal takes part in beyond their organisations is led by those few, never the round's findings.
          if (who !== 'reviewer1')
            expect(plan).not.toMatch(/findings_round_status_idx \(round=\?\)|instances_definition/);
        }
        for (const table of ['finding_tallies', 'finding_school_tallies', 'period_tallies'])
          for (const plan of await plansOf(h, run, table))
            expect(plan, table).toMatch(
              new RegExp(`SEARCH ${table} USING (PRIMARY KEY|INDEX sqlite_autoindex_${table})`),
            );
      }
      // A date window is served from the chosen round's findings, off an index, never a scan.
      const window = { from: '2026-11-01', to: '2026-11-30' };
      const windowed = [
        ...(await plansOf(h, (deps) => securityReport(deps, { user, ability, round: AUTUMN, ...window }), 'findings')),
        ...(await plansOf(
          h,
          (deps) => securityReport(deps, { user, ability, round: ALL_ROUNDS, ...window }),
          'findings',
        )),
      ];
      for (const plan of windowed) {
        expect(plan).toMatch(/SEARCH/);
        expect(plan).not.toMatch(/SCAN (findings|instances)|USE TEMP B-TREE/);
      }
    }
  });
});
