import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { type Harness, makeHarness } from '../../test/harness.js';
import { plansOf } from '../../test/query-plans.js';
import { migrateInstances } from '../definitions/migrate-instances.js';
import { fireEvent } from '../instances/fire-event.js';
import { startInstance } from '../instances/start-instance.js';
import type { TOverviewQuery } from './overview.types.js';
import { countReadable, overviewCounts, overviewReport } from './overview-report.js';
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
  h = await makeHarness();
  v1 = await h.publish();
  // Two months and a new year of work across three schools: drafts, submissions, approvals, returns.
  const schools = [
    ['principalA', h.orgs.schoolA],
    ['principalA2', h.orgs.schoolA2],
    ['principalB', h.orgs.schoolB],
  ] as const;
  for (let day = 0; day < 45; day += 3) {
    for (const [who, org] of schools) {
      const actor = await h.authUser(who);
      const started = (
        await startInstance(h.deps, {
          actor,
          definitionId: v1,
          subjectOrgId: org,
          data: { title: `第${day}天` },
        })
      ).body;
      if (day % 2 === 0) {
        const sent = await fireEvent(h.deps, {
          actor,
          instanceId: started.id,
          event: { type: 'SUBMIT' },
          expectedVersion: started.version,
        });
        if (day % 4 === 0) {
          const one = await fireEvent(h.deps, {
            actor: await h.authUser('reviewer1'),
            instanceId: started.id,
            event: { type: 'APPROVE' },
            expectedVersion: sent.version,
          });
          await fireEvent(h.deps, {
            actor: await h.authUser('reviewer2'),
            instanceId: started.id,
            event: { type: 'APPROVE' },
            expectedVersion: one.version,
          });
        } else if (day % 6 === 0) {
          await fireEvent(h.deps, {
            actor: await h.authUser('reviewer1'),
            instanceId: started.id,
            event: { type: 'REJECT', comment: '请补充' },
            expectedVersion: sent.version,
          });
        }
      }
    }
    h.clock.advance(3 * DAY);
  }
  // A new version, and the drafts of schoolB moved onto it: tallies move with the instances and their tasks.
  v2 = await h.publish();
  await migrateInstances(h.deps, {
    fromDefinitionId: v1,
    toDefinitionId: v2,
    mapping: { draft: 'draft', review: 'review' },
    dryRun: false,
    limit: 200,
    actor: await h.authUser('admin'),
  });
});
afterAll(() => h.close());

describe('dashboard tallies (issue 11, ADR 0016)', () => {
  it('equal a fresh count of the rows for every reader scoped by organisation, under every filter, as deadlines pass', async () => {
    expect(v2).not.toBe(v1);
    expect(await compare()).toBeGreaterThan(60);
    h.clock.advance(20 * DAY);
    expect(await compare([{ from: '2026-11-23', to: '2026-11-23' }])).toBeGreaterThan(60);
  });

  it('are what the migration fills in from existing rows', () => {
    const snapshot = () => ({
      instances: h.sqlite.prepare('select * from instance_tallies where n <> 0 order by 1, 2, 3, 4, 5').all(),
      tasks: h.sqlite.prepare('select * from open_task_tallies where n <> 0 order by 1, 2, 3, 4').all(),
    });
    const kept = snapshot();
    expect(kept.instances.length).toBeGreaterThan(20);
    const folder = fileURLToPath(new URL('../../db/migrations/', import.meta.url));
    const file = readdirSync(folder).find((f) => f.includes('dashboard-tallies')) as string;
    const backfill = readFileSync(folder + file, 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => /^(--[^\n]*\n)*INSERT INTO/.test(s));
    expect(backfill).toHaveLength(2);
    h.sqlite.exec('delete from instance_tallies; delete from open_task_tallies;');
    for (const statement of backfill) h.sqlite.exec(statement);
    expect(snapshot()).toEqual(kept);
  });

  it("answer the bureau's dashboard without reading instances, and a lead's or principal's reading only those they take part in", async () => {
    for (const who of ['reviewer1', 'lead1', 'principalA']) {
      const user = await h.authUser(who);
      const ability = defineAbilityFor(user);
      for (const query of [{}, { from: '2026-11-01', to: '2027-01-31' }]) {
        const read = await plansOf(h, (deps) => overviewReport(deps, { user, ability, query }), 'instances');
        if (who === 'reviewer1') expect(read).toEqual([]);
        for (const plan of read)
          expect(plan).not.toMatch(/SCAN instances|instances_subject|instances_group|instances_definition/);
        for (const plan of await plansOf(
          h,
          (deps) => overviewReport(deps, { user, ability, query }),
          'instance_tallies',
        )) {
          expect(plan).toMatch(/SEARCH instance_tallies USING (PRIMARY KEY|INDEX sqlite_autoindex_instance_tallies)/);
        }
      }
    }
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
