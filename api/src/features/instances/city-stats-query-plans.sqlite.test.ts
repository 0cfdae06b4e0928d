import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { CITY_STATS } from '../../test/city-stats.js';
import { type Harness, makeHarness } from '../../test/harness.js';
import { plansOf } from '../../test/query-plans.js';
import { listInstances } from './list-instances.js';

// Issue 11: what the planner chose on the 1M-instance bench city (2,508 organisations), reproduced
// with that city's statistics: the bureau's sorted lists must read an index in order, never sort a city.

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  const c = h.sqlite;
  c.exec('ANALYZE');
  c.exec("delete from sqlite_stat1 where tbl in ('instances', 'organisations')");
  const put = c.prepare('insert into sqlite_stat1 (tbl, idx, stat) values (?, ?, ?)');
  for (const row of CITY_STATS) put.run(...row);
  c.exec('ANALYZE sqlite_schema'); // reload the statistics into the planner
});
afterAll(() => h.close());

describe('the bureau’s instance lists on a city’s statistics', () => {
  for (const query of [
    { sort: 'createdAt', order: 'desc' },
    { sort: 'createdAt', order: 'asc' },
    { sort: 'state', order: 'asc' },
    { sort: 'dueAt', order: 'desc' },
    { from: '2026-01-01' },
  ] as const) {
    it(`${JSON.stringify(query)}: read off an index in order, no sort step`, async () => {
      const user = await h.authUser('reviewer1');
      const ability = defineAbilityFor(user);
      const plans = await plansOf(
        h,
        (deps) => listInstances(deps, { user, ability, query: { limit: 50, ...query } }),
        'instances',
      );
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) {
        expect(plan).toMatch(/SCAN i|SCAN instances USING INDEX|USING INDEX instances_/);
        expect(plan).not.toMatch(/TEMP B-TREE/);
      }
    });
  }
});

// A department files thousands of requests over the years (the bench city's dept1: 17,072). Its list is
// its own requests or those it takes part in; the first walks the requester's index in the list's order.
describe('a requester’s instance list on a city’s statistics', () => {
  const SORTS = [
    {},
    { sort: 'createdAt', order: 'desc' },
    { sort: 'dueAt', order: 'asc' },
    { sort: 'state', order: 'desc' },
  ] as const;
  for (const query of SORTS) {
    it(`${JSON.stringify(query)}: their own requests read off a requester index in order`, async () => {
      const user = await h.authUser('outside');
      const ability = defineAbilityFor(user);
      const plans = await plansOf(
        h,
        (deps) => listInstances(deps, { user, ability, query: { limit: 50, ...query } }),
        'instances',
      );
      const own = plans.filter((p) => p.includes('instances_created_by_'));
      expect(own.length).toBeGreaterThan(0);
      for (const plan of own) expect(plan, plan).not.toMatch(/TEMP B-TREE|MULTI-INDEX OR/);
    });
  }
});
