import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { plansOf } from '../../test/query-plans.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { listDoneTasks } from '../tasks/list-done-tasks.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('专家评分 (issue 12 item 10): the rubric, the button, and the score the expert gave (SQLite)', () => {
  it('已办 walks the user’s own closed tasks on their index, newest first, without a sort step', async () => {
    const user = await h.authUser('expert');
    const plans = await plansOf(
      h,
      (deps) => listDoneTasks(deps, { user, ability: defineAbilityFor(user), query: { limit: 20 } }),
      'tasks',
    );
    expect(plans.length).toBe(1);
    expect(plans[0]).toMatch(/SEARCH tasks USING INDEX tasks_closed_by_idx \(closed_by=\?\)/);
    // The read rule's own lookups (the user's participations) are lists built once; the order is the index's.
    expect(plans[0]).not.toMatch(/TEMP B-TREE FOR ORDER BY|SCAN tasks|SCAN instances/);
  });
});
