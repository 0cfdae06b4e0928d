import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { type Harness, makeHarness } from '../../test/harness.js';
import { pgPlansOf } from '../../test/query-plans.js';
import { listInstances } from './list-instances.js';

// Issue 14: PostgreSQL judges a keyset page's `(state, id) < ($1, $2)` by `state < $1` alone. Past a common
// state it expected no row left in the district and walked the state index backwards to find a group
// lead's page among every other group's instances (24 s at 1M). A scoped reader's page must come off the
// reader's own rows, as it does on SQLite (sort-query-plans.sqlite.test.ts).
let h: Harness;
let url: string;
const OTHER_GROUPS = 100_000;
const LEAD_OWN = 40;

beforeAll(async () => {
  h = await makeHarness();
  url = h.databaseUrl!;
  const definitionId = await h.publish();
  const { district, group1, group2, schoolA, schoolB } = h.orgs;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Rows written beneath the use-cases, triggers off: only their number and spread matter to the planner.
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    const bulk = (prefix: string, n: number, school: string, group: string) =>
      client.query(
        `insert into instances (id, definition_id, subject_org_id, subject_group_id, district_id, state, status,
           data, snapshot, version, created_by, created_at, updated_at)
         select $1 || lpad(g::text, 7, '0'), $2, $3, $4, $5,
           case when g % 20 = 0 then 'selfCheck' else 'awarded' end, 'running', '{}', '{}', 1, 'bulk', $6, $6
         from generate_series(1, $7::int) g`,
        [prefix, definitionId, school, group, district, '2026-03-01T00:00:00.000Z', n],
      );
    await bulk('other-', OTHER_GROUPS, schoolB, group2);
    await bulk('own-', LEAD_OWN, schoolA, group1);
    await client.query('commit');
    await client.query('analyze');
  } finally {
    await client.end();
  }
}, 120_000);
afterAll(() => h.close());

describe('PostgreSQL plans of a scoped reader’s sorted list', () => {
  it('a group lead’s instances by state, next page past a common state, come off the group’s own rows', async () => {
    const user = await h.authUser('lead1');
    const ability = defineAbilityFor(user);
    const query = { limit: 20, sort: 'state', order: 'desc' } as const;
    const first = await listInstances(h.deps, { user, ability, query });
    // The page ends among the common state: nothing in the district sorts below it.
    expect(first.items.at(-1)?.state).toBe('awarded');
    expect(first.nextCursor).not.toBeNull();
    const next = { ...query, cursor: first.nextCursor ?? undefined };
    const plans = await pgPlansOf(
      { ...h, url },
      (deps) => listInstances(deps, { user, ability, query: next }),
      'instances',
    );
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).not.toContain('instances_state_id_idx');
    const second = await listInstances(h.deps, { user, ability, query: next });
    expect([...first.items, ...second.items].filter((i) => i.id.startsWith('own-'))).toHaveLength(LEAD_OWN);
  });
});
