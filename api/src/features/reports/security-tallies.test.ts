import { TEMPLATES } from '@eduflow/workflows';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { tx } from '../../db/client.js';
import { findings } from '../../db/schema.js';
import { runDueTimers } from '../../scheduler/run-due-timers.js';
import { handInRectification } from '../../test/rectification.js';
import { tallyBackfill } from '../../test/tally-backfill.js';
import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { migrateInstances } from '../definitions/migrate-instances.js';
import { ALL_ROUNDS, type TRoundQuery } from './reports.types.js';
import { securityFromRows, securityReport } from './security-report.js';
import { AUTUMN, DAY, securityTalliesFixture } from './security-tallies.fixture.js';

const SPRING = '2027年春季网络安全检查';
let h: WorkflowHarness;
let ids: Record<string, string>;
let raised: Awaited<ReturnType<typeof securityTalliesFixture>>['raised'];

const readers = ['reviewer1', 'admin', 'auditor', 'lead1', 'principalA', 'principalB', 'inspector'];

/** Every reader, round and dashboard filter, two ways: the report as served, and recounted from the findings. */
async function compare() {
  const { schoolA, group1, group2 } = h.orgs;
  let compared = 0;
  for (const who of readers) {
    const user = await h.authUser(who);
    const ability = defineAbilityFor(user);
    for (const round of [undefined, AUTUMN, SPRING, ALL_ROUNDS, 'no-such-round']) {
      for (const filter of [
        {},
        { schoolId: schoolA },
        { groupId: group1 },
        { groupId: group2 },
        { from: '2026-11-01', to: '2026-11-30' },
      ]) {
        const q: TRoundQuery = { round, ...filter };
        const served = await securityReport(h.deps, { user, ability, ...q });
        const fresh = await securityFromRows(
          h.deps,
          { user, ability, ...q },
          served.round,
          served.rounds,
          h.clock.now().toISOString(),
        );
        expect(served, `${who} ${JSON.stringify(q)}`).toEqual(fresh);
        if (served.totalFindings > 0) compared += 1;
      }
    }
  }
  return compared;
}

beforeAll(async () => {
  ({ h, ids, raised } = await securityTalliesFixture());
});
afterAll(() => h.close());

describe('security report tallies (issue 11)', () => {
  it('default to the latest round, offer the rounds newest first, and serve every round only when asked', async () => {
    h.clock.advance(20 * DAY);
    await raised('A-spring', h.orgs.schoolA, 'principalA', SPRING, { 'HOST-01': 'medium' });
    const get = async (q: string) =>
      (await h.get(`/api/reports/security-inspection${q}`, await h.as('reviewer1'))).json();
    const latest = await get('');
    expect(latest).toMatchObject({ round: SPRING, rounds: [SPRING, AUTUMN], totalFindings: 1, repeats: 1 });
    expect(await get(`?round=${encodeURIComponent(AUTUMN)}`)).toMatchObject({
      round: AUTUMN,
      totalFindings: 4,
      repeats: 0,
    });
    expect(await get(`?round=${encodeURIComponent(ALL_ROUNDS)}`)).toMatchObject({
      round: null,
      totalFindings: 5,
      repeats: 1,
    });
  });

  it('equal a recount of the findings after rectification, return, escalation, closing, a version migration and a deletion', async () => {
    expect(await compare()).toBeGreaterThan(40);
    // A hands in (not overdue while verified), is returned (deadlines run again), and escalates when due.
    expect((await handInRectification(h, ids.A!, 'principalA')).status).toBe(200);
    expect(await compare()).toBeGreaterThan(40);
    h.clock.advance(10 * DAY);
    await runDueTimers(h.deps);
    expect((await h.fire(ids.A!, 'inspector', 'REJECT', { comment: '整改不到位' })).status).toBe(200);
    await runDueTimers(h.deps);
    const served = await securityReport(h.deps, {
      user: await h.authUser('reviewer1'),
      ability: defineAbilityFor(await h.authUser('reviewer1')),
      round: AUTUMN,
    });
    expect(served.escalatedFindings).toBeGreaterThan(0);
    expect(served.overdueFindings).toBeGreaterThan(0);
    expect(await compare()).toBeGreaterThan(40);
    // B is rectified and accepted: its finding closes.
    expect((await handInRectification(h, ids.B!, 'principalB')).status).toBe(200);
    expect((await h.fire(ids.B!, 'inspector', 'APPROVE', { comment: '整改到位' })).status).toBe(200);
    expect(await compare()).toBeGreaterThan(40);
    // A2's inspection moves to a new version: its findings' counts move with it.
    const v2 = await h.publish(TEMPLATES['security-inspection']);
    const [{ state }] = (await h.sql(sql`select state from instances where id = ${ids.A2}`)) as [{ state: string }];
    const moved = await migrateInstances(h.deps, {
      fromDefinitionId: h.defs['security-inspection']!,
      toDefinitionId: v2,
      mapping: { [state]: state },
      dryRun: false,
      limit: 1,
      actor: await h.authUser('admin'),
    });
    expect(moved.items.filter((i) => i.ok).length).toBe(1);
    expect(await compare()).toBeGreaterThan(40);
    // A finding removed (a correction by hand) leaves the counts.
    await tx(h.db, () => h.db.delete(findings).where(eq(findings.instanceId, ids['A-spring']!)));
    expect(await compare()).toBeGreaterThan(30);
  });

  it('are what the migration fills in from existing rows', async () => {
    const snapshot = async () => ({
      findings: await h.sql(sql`select * from finding_tallies where n <> 0 order by 1, 2, 3, 4, 5, 6`),
      schools: await h.sql(sql`select * from finding_school_tallies where n <> 0 order by 1, 2, 3, 4, 5`),
      periods: await h.sql(sql`select * from period_tallies where n <> 0 order by 1, 2`),
    });
    const kept = await snapshot();
    expect(kept.findings.length).toBeGreaterThan(10);
    const backfill = tallyBackfill(h.db, ['finding_tallies', 'finding_school_tallies', 'period_tallies']);
    expect(backfill.length).toBeGreaterThanOrEqual(2);
    await h.sql(sql`delete from finding_tallies`);
    await h.sql(sql`delete from finding_school_tallies`);
    await h.sql(sql`delete from period_tallies`);
    for (const statement of backfill) await h.sql(sql.raw(statement));
    expect(await snapshot()).toEqual(kept);
  });
});
