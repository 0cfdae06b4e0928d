import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('bulk start warns of schools already running the same round (issue 12.11d) (SQLite)', () => {
  it('reads the round off the (definition, period) index', () => {
    const plan = h.sqlite
      .prepare(
        `explain query plan select id from instances where definition_id in (?, ?) and period = ? and status = 'running' and subject_org_id in (?, ?)`,
      )
      .all('a', 'b', 'p', 'x', 'y') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX/);
  });
});
