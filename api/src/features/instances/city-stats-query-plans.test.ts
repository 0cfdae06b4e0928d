import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilityFor } from '../../auth/ability.js';
import { makeHarness, type Harness } from '../../test/harness.js';
import { plansOf } from '../../test/query-plans.js';
import { listInstances } from './list-instances.js';

// Issue 11: what the planner chose on the 1M-instance bench city (2,508 organisations), reproduced
// with that city's statistics: the bureau's sorted lists must read an index in order, never sort a city.
const CITY_STATS: Array<[string, string, string]> = [
  ['instances', 'instances_state_id_idx', '1000000 501 1'],
  ['instances', 'instances_due_idx', '1000000 182 1'],
  ['instances', 'instances_created_idx', '1000000 84 1'],
  ['instances', 'instances_updated_idx', '1000000 63 1'],
  ['instances', 'instances_state_updated_idx', '1000000 501 72 1'],
  ['instances', 'instances_subject_updated_idx', '1000000 126 63 1'],
  ['instances', 'instances_group_updated_idx', '1000000 501 69 1'],
  ['instances', 'instances_created_by_updated_idx', '1000000 1001 2 1'],
  ['instances', 'instances_definition_created_idx', '1000000 1001 69'],
  ['instances', 'instances_definition_period_idx', '1000000 1001 1001'],
  ['instances', 'sqlite_autoindex_instances_1', '1000000 1'],
  ['organisations', 'organisations_type_idx', '2508 251'],
  ['organisations', 'organisations_parent_idx', '2508 8'],
  ['organisations', 'sqlite_autoindex_organisations_1', '2508 1'],
];

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  const c = h.db.$client;
  c.exec('ANALYZE');
  c.exec("delete from sqlite_stat1 where tbl in ('instances', 'organisations')");
  const put = c.prepare('insert into sqlite_stat1 (tbl, idx, stat) values (?, ?, ?)');
  for (const row of CITY_STATS) put.run(...row);
  c.exec('ANALYZE sqlite_schema'); // reload the statistics into the planner
});
afterAll(() => h.close());

describe('the bureau’s instance lists on a city’s statistics', () => {
  for (const query of [{ sort: 'createdAt', order: 'desc' }, { sort: 'createdAt', order: 'asc' }, { sort: 'state', order: 'asc' }, { sort: 'dueAt', order: 'desc' }, { from: '2026-01-01' }] as const) {
    it(`${JSON.stringify(query)}: read off an index in order, no sort step`, () => {
      const user = h.authUser('reviewer1');
      const ability = defineAbilityFor(user);
      const plans = plansOf(h, (deps) => listInstances(deps, { user, ability, query: { limit: 50, ...query } }), 'instances');
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) {
        expect(plan).toMatch(/SCAN i|SCAN instances USING INDEX|USING INDEX instances_/);
        expect(plan).not.toMatch(/TEMP B-TREE/);
      }
    });
  }
});
