import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { plansOf } from '../../test/query-plans.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import type { TInstanceListQuery } from './instances.types.js';
import { listInstances } from './list-instances.js';
import { noticePeriodFixture } from './notice-period.fixture.js';

// Issue 9: a 公示 (a step of kind `notice`) shows when it ends, on the instance and in the lists, like
// any deadline — but it is nobody's to-do and never overdue: it simply ends.
let h: WorkflowHarness;
beforeAll(async () => {
  ({ h } = await noticePeriodFixture());
});
afterAll(() => h.close());

// SQLite's query plans (EXPLAIN QUERY PLAN): this file runs on SQLite only.
describe('query plans with notices in the list (ADR 0006)', () => {
  type Query = Omit<TInstanceListQuery, 'limit'>;
  const plans = async (who: string, query: Query) => {
    const user = await h.authUser(who);
    return await plansOf(
      h,
      (deps) => listInstances(deps, { user, ability: defineAbilityFor(user), query: { limit: 20, ...query } }),
      'instances',
    );
  };

  it('the bureau’s deadline sort, with or without ?overdue=1, reads instances_due_idx in order with no sort step', async () => {
    for (const order of ['asc', 'desc'] as const) {
      for (const extra of [{}, { overdue: '1' }] satisfies Query[]) {
        const found = await plans('reviewer1', { sort: 'dueAt', order, ...extra });
        expect(found.length).toBeGreaterThan(0);
        for (const plan of found) {
          expect(plan).toContain('instances_due_idx');
          expect(plan).not.toMatch(/TEMP B-TREE|SCAN instances(?! USING)/);
        }
      }
    }
  });

  it('a scoped reader’s ?notice=1 and ?overdue=1 stay a union of their indexed lookups, never scanning instances', async () => {
    for (const who of ['principalA', 'lead1', 'teacherA']) {
      for (const query of [
        { notice: '1' },
        { notice: '1', sort: 'dueAt', order: 'asc' },
        { overdue: '1' },
      ] satisfies Query[]) {
        for (const plan of await plans(who, query)) {
          expect(plan, `${who} ${JSON.stringify(query)}`).toMatch(/MULTI-INDEX OR|SEARCH instances USING INDEX/);
          expect(plan, `${who} ${JSON.stringify(query)}`).not.toMatch(/SCAN instances/);
        }
      }
    }
  });

  // Under ?sort=dueAt the bureau's notices are sorted in a temp B-tree: only the live notices, the
  // filter × sort exception of ADR 0006 (a (state, due_at) index would need a migration).
  it('the bureau’s ?notice=1 searches the live notices by their state, never walking the district', async () => {
    for (const query of [{ notice: '1' }, { notice: '1', sort: 'dueAt', order: 'asc' }] satisfies Query[]) {
      for (const plan of await plans('reviewer1', query)) {
        expect(plan, JSON.stringify(query)).toMatch(
          /SEARCH instances USING INDEX instances_state_(updated|id)_idx \(state=\?\)/,
        );
        expect(plan, JSON.stringify(query)).not.toMatch(/SCAN instances/);
      }
    }
  });
});
