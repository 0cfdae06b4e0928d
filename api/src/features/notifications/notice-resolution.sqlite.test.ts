import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('新待办 notices stay true (issue 12.11a) (SQLite)', () => {
  it('resolving walks the instance’s own notices by index, not the district’s', () => {
    const plan = h.sqlite
      .prepare(
        `explain query plan update notifications set resolved_at = ?, read_at = coalesce(read_at, ?)
         where instance_id = ? and state = ? and resolved_at is null and kind in ('entered','reminder') and user_id in (?)`,
      )
      .all('a', 'a', 'i', 's', 'u') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toContain('notifications_instance_state_idx');
  });
});
