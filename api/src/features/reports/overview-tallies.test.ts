import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import type { Harness } from '../../test/harness.js';
import { tallyBackfill } from '../../test/tally-backfill.js';
import type { TOverviewQuery } from './overview.types.js';
import { countReadable, overviewCounts } from './overview-report.js';
import { overviewTalliesFixture } from './overview-tallies.fixture.js';
import type { TOverviewCounts } from './overview-tallies.js';
import { periodsCovering } from './tally-periods.js';
import { tallyScope } from './tally-scope.js';

let h: Harness;
let v1: string;
let v2: string;
const DAY = 24 * 3600 * 1000;

const readers = ['reviewer1', 'admin', 'auditor', 'lead1', 'principalA', 'principalB'];
const queries: TOverviewQuery[] = [
  {},
  { from: '2026-11-01', to: '2026-12-31' },
  { from: '2026-12-01' },
  { to: '2026-11-30' },
  { from: '2026-11-24', to: '2027-01-05' },
  { from: '2027-01-01', to: '2027-12-31' },
];

// Every reader and filter, two ways: from the tallies the triggers keep, and by counting rows.
async function compare(extra: TOverviewQuery[] = []) {
  let compared = 0;
  for (const who of readers) {
    const user = await h.authUser(who);
    const ability = defineAbilityFor(user);
    for (const base of [...queries, ...extra]) {
      for (const query of [base, { ...base, schoolId: h.orgs.schoolA }, { ...base, groupId: h.orgs.group1 }]) {
        const now = h.clock.now().toISOString();
        const rows = await countReadable(h.deps, { user, ability, query }, now);
        expect(
          normal(await overviewCounts(h.deps, { user, ability, query }, now)),
          `${who} ${JSON.stringify(query)}`,
        ).toEqual(normal(rows));
        if (await tallyScope(h.deps, user, ability, query)) compared += 1;
      }
    }
  }
  return compared;
}

const normal = (c: TOverviewCounts) => ({
  byState: Object.fromEntries(
    [
      ...c.byState.reduce(
        (m, r) => m.set(`${r.definitionId} ${r.state}`, (m.get(`${r.definitionId} ${r.state}`) ?? 0) + r.n),
        new Map<string, number>(),
      ),
    ]
      .filter(([, n]) => n !== 0)
      .sort(),
  ),
  tasks: Object.fromEntries(
    c.taskCounts
      .filter((t) => t.open !== 0)
      .map((t) => [t.definitionId, [t.open, t.overdue]])
      .sort(),
  ),
});

beforeAll(async () => {
  ({ h, v1, v2 } = await overviewTalliesFixture());
});
afterAll(() => h.close());

describe('dashboard tallies (issue 11, ADR 0016)', () => {
  it('equal a fresh count of the rows for every reader scoped by organisation, under every filter, as deadlines pass', async () => {
    expect(v2).not.toBe(v1);
    expect(await compare()).toBeGreaterThan(60);
    h.clock.advance(20 * DAY);
    expect(await compare([{ from: '2026-11-23', to: '2026-11-23' }])).toBeGreaterThan(60);
  });

  it('are what the migration fills in from existing rows', async () => {
    const snapshot = async () => ({
      instances: await h.sql(sql`select * from instance_tallies where n <> 0 order by 1, 2, 3, 4, 5`),
      tasks: await h.sql(sql`select * from open_task_tallies where n <> 0 order by 1, 2, 3, 4, 5, 6`),
    });
    const kept = await snapshot();
    expect(kept.instances.length).toBeGreaterThan(20);
    const backfill = tallyBackfill(h.db, ['instance_tallies', 'open_task_tallies']);
    expect(backfill.length).toBeGreaterThanOrEqual(2);
    await h.sql(sql`delete from instance_tallies`);
    await h.sql(sql`delete from open_task_tallies`);
    for (const statement of backfill) await h.sql(sql.raw(statement));
    expect(await snapshot()).toEqual(kept);
  });

  it('cover any range of days with whole years, months and days', () => {
    expect(periodsCovering('2025-12-30', '2027-02-02').map((k) => k.period)).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026',
      '2027-01',
      '2027-02-01',
      '2027-02-02',
    ]);
    expect(periodsCovering(undefined, '2026-12-04').length).toBeLessThan(45);
    expect(periodsCovering('2026-12-05', '2026-12-04')).toEqual([]);
  });
});
