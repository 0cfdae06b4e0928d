import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../../test/harness.js';
import { plansOf } from '../../test/query-plans.js';
import { getCalendarCoverage } from './get-calendar-coverage.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('statutory coverage: the package’s years, the bureau’s, and the deadlines in neither (SQLite)', () => {
  it('reads only a few rows through the due-date indexes, whatever the history (EXPLAIN QUERY PLAN)', async () => {
    for (const [table, index] of [
      ['tasks', 'tasks_open_due_idx'],
      ['timers', 'timers_due_idx'],
    ] as const) {
      const plans = await plansOf(h, (deps) => getCalendarCoverage(deps), table);
      expect(plans.length, table).toBeGreaterThan(0);
      for (const plan of plans) {
        expect(plan, table).toContain(index);
        expect(plan, table).not.toMatch(new RegExp(`SCAN ${table}\\b`));
        expect(plan, table).not.toContain('TEMP B-TREE');
      }
    }
  });
});
