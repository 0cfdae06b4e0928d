import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import type { Deps } from '../../deps.js';
import { type Harness, makeHarness } from '../../test/harness.js';
import { plansOf as plansOfQueries } from '../../test/query-plans.js';
import { listTasks } from '../tasks/list-tasks.js';
import { listUsers } from '../users/list-users.js';
import { listInstances } from './list-instances.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  const pa = await h.signIn('principalA');
  for (let i = 0; i < 3; i += 1)
    await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: `报告${i}` } }, pa);
});
afterAll(() => h.close());

const plansOf = (run: (deps: Deps) => unknown, table: string) => plansOfQueries(h, run, table);

const orders = ['asc', 'desc'] as const;
const INDEX: Record<string, string> = {
  updatedAt: 'instances_updated_idx',
  createdAt: 'instances_created_idx',
  dueAt: 'instances_due_idx',
  state: 'instances_state_id_idx',
};

// Issue 4: every sortable column is read off an index in order for unscoped readers (no sort step at
// all), and a scoped reader's list stays a union of indexed lookups that sorts only its own few rows.
describe('query plans of the sorted lists (issue 4)', () => {
  for (const sort of Object.keys(INDEX)) {
    for (const order of orders) {
      it(`an unscoped reader's instances by ${sort} ${order} come off ${INDEX[sort]} with no sort step, first page and next`, async () => {
        const user = await h.authUser('reviewer1');
        const ability = defineAbilityFor(user);
        const first = await listInstances(h.deps, { user, ability, query: { limit: 1, sort, order } });
        // Also a cursor page: the (col, id) > (?, ?) range must not push SQLite off the index.
        const plans = [
          ...(await plansOf(
            (deps) => listInstances(deps, { user, ability, query: { limit: 1, sort, order } }),
            'instances',
          )),
          ...(await plansOf(
            (deps) =>
              listInstances(deps, {
                user,
                ability,
                query: { limit: 1, sort, order, cursor: first.nextCursor ?? undefined },
              }),
            'instances',
          )),
        ];
        expect(plans.length).toBeGreaterThan(1);
        for (const plan of plans) {
          expect(plan).toContain(INDEX[sort]);
          expect(plan).not.toMatch(/TEMP B-TREE/);
        }
      });

      it(`a scoped reader's instances by ${sort} ${order} never scan the instances table`, async () => {
        for (const who of ['principalA', 'lead1']) {
          const user = await h.authUser(who);
          const ability = defineAbilityFor(user);
          const first = await listInstances(h.deps, { user, ability, query: { limit: 1, sort, order } });
          expect(first.nextCursor).toBeTruthy();
          const plans = [
            ...(await plansOf(
              (deps) => listInstances(deps, { user, ability, query: { limit: 20, sort, order } }),
              'instances',
            )),
            ...(await plansOf(
              (deps) =>
                listInstances(deps, {
                  user,
                  ability,
                  query: { limit: 20, sort, order, cursor: first.nextCursor ?? undefined },
                }),
              'instances',
            )),
          ];
          for (const plan of plans) {
            // One scope at a time (ADR 0021): each an index search, none a merge of indexes.
            expect(plan).toMatch(/SEARCH instances USING/);
            expect(plan).not.toMatch(/MULTI-INDEX OR/);
            expect(plan).not.toMatch(/SCAN instances/);
          }
        }
      });
    }
  }

  it('the inbox under either sort still drives from candidate rows, never walking open tasks', async () => {
    const user = await h.authUser('principalA');
    for (const sort of ['dueAt', 'createdAt']) {
      for (const order of orders) {
        for (const plan of await plansOf(
          (deps) => listTasks(deps, { user, ability: defineAbilityFor(user), query: { limit: 20, sort, order } }),
          'tasks',
        )) {
          expect(plan).toMatch(/task_candidates_/);
          expect(plan).not.toMatch(/SCAN tasks|tasks_open_due_idx/);
        }
      }
    }
  });

  it('the bureau directory reads users off (column, id) indexes with no sort step', async () => {
    const user = await h.authUser('admin');
    const index: Record<string, RegExp> = {
      username: /sqlite_autoindex_users|users_username/,
      displayName: /users_display_name_idx/,
      createdAt: /users_created_idx/,
    };
    for (const [sort, re] of Object.entries(index)) {
      for (const order of orders) {
        const [plan] = await plansOf(
          (deps) => listUsers(deps, { ability: defineAbilityFor(user), query: { limit: 20, sort, order } }),
          'users',
        );
        expect(plan, `${sort} ${order}`).toMatch(re);
        expect(plan, `${sort} ${order}`).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});
