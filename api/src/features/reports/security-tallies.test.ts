import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { TEMPLATES } from '@eduflow/workflows';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { tx } from '../../db/client.js';
import { findings } from '../../db/schema.js';
import { runDueTimers } from '../../scheduler/run-due-timers.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { plansOf } from '../../test/query-plans.js';
import { handInRectification } from '../../test/rectification.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { migrateInstances } from '../definitions/migrate-instances.js';
import { ALL_ROUNDS, type TRoundQuery } from './reports.types.js';
import { securityFromRows, securityReport } from './security-report.js';

const DAY = 86_400_000;
const AUTUMN = '2026年秋季网络安全检查';
const SPRING = '2027年春季网络安全检查';
type Severity = 'high' | 'medium' | 'low';
let h: WorkflowHarness;
const ids: Record<string, string> = {};

const answered = (fails: Record<string, Severity>) =>
  CHECKLIST_V1.items.map((i) => ({
    ...i,
    result: fails[i.code] ? 'fail' : 'pass',
    ...(fails[i.code] ? { severity: fails[i.code], note: '未达标' } : {}),
  }));

async function raised(name: string, school: string, principal: string, round: string, fails: Record<string, Severity>) {
  const started = await (
    await h.start(
      'admin',
      'security-inspection',
      school,
      { round, items: CHECKLIST_V1.items },
      { inspector: [h.users.inspector] },
    )
  ).json();
  expect((await h.fire(started.id, principal, 'SUBMIT', { data: { items: answered(fails) } })).status).toBe(200);
  expect((await h.fire(started.id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
  ids[name] = started.id;
}

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
  h = await makeWorkflowHarness();
  // Autumn: A (high + low), A2 (medium), B (high); then spring: A fails HOST-01 again (a repeat).
  await raised('A', h.orgs.schoolA, 'principalA', AUTUMN, { 'HOST-01': 'high', 'DATA-01': 'low' });
  await raised('A2', h.orgs.schoolA2, 'principalA2', AUTUMN, { 'MGT-01': 'medium' });
  await raised('B', h.orgs.schoolB, 'principalB', AUTUMN, { 'HOST-01': 'high' });
  h.clock.advance(2 * DAY);
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
    const state = h.sqlite.prepare('select state from instances where id = ?').pluck().get(ids.A2) as string;
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

  it('are what the migration fills in from existing rows', () => {
    const snapshot = () => ({
      findings: h.sqlite.prepare('select * from finding_tallies where n <> 0 order by 1, 2, 3, 4, 5, 6').all(),
      schools: h.sqlite.prepare('select * from finding_school_tallies where n <> 0 order by 1, 2, 3, 4, 5').all(),
      periods: h.sqlite.prepare('select * from period_tallies where n <> 0 order by 1, 2').all(),
    });
    const kept = snapshot();
    expect(kept.findings.length).toBeGreaterThan(10);
    const folder = fileURLToPath(new URL('../../db/migrations/', import.meta.url));
    const file = readdirSync(folder).find((f) => f.includes('report-tallies')) as string;
    const backfill = readFileSync(folder + file, 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => /^(--[^\n]*\n)*INSERT INTO/.test(s));
    expect(backfill).toHaveLength(3);
    h.sqlite.exec('delete from finding_tallies; delete from finding_school_tallies; delete from period_tallies;');
    for (const statement of backfill) h.sqlite.exec(statement);
    expect(snapshot()).toEqual(kept);
  });

  it("reads tallies and today's overdue findings for the bureau, a lead and a principal — never a scan, never a sort", async () => {
    for (const who of ['reviewer1', 'lead1', 'principalA']) {
      const user = await h.authUser(who);
      const ability = defineAbilityFor(user);
      for (const q of [{}, { round: AUTUMN }, { round: ALL_ROUNDS }, { groupId: h.orgs.group1 }]) {
        const run = (deps: typeof h.deps) => securityReport(deps, { user, ability, ...q });
        const read = await plansOf(h, run, 'findings');
        expect(read.length).toBeGreaterThan(0);
        for (const plan of read) {
          // Overdue: the open findings not handed in, past due — off the partial index, or the round's open ones.
          if (who === 'reviewer1')
            expect(plan).toMatch(
              /SEARCH findings USING INDEX (findings_overdue_idx \(due_at<\?\)|findings_round_status_idx \(round=\? AND status=\? AND due_at<\?\))/,
            );
          // (A participant's own instances are a UNION of their few ids: that one may use a temporary b-tree.)
          expect(plan).not.toMatch(/SCAN (findings|instances)|USE TEMP B-TREE/);
          // What a lead or principal takes part in beyond their organisations is led by those few, never the round's findings.
          if (who !== 'reviewer1')
            expect(plan).not.toMatch(/findings_round_status_idx \(round=\?\)|instances_definition/);
        }
        for (const table of ['finding_tallies', 'finding_school_tallies', 'period_tallies'])
          for (const plan of await plansOf(h, run, table))
            expect(plan, table).toMatch(
              new RegExp(`SEARCH ${table} USING (PRIMARY KEY|INDEX sqlite_autoindex_${table})`),
            );
      }
      // A date window is served from the chosen round's findings, off an index, never a scan.
      const window = { from: '2026-11-01', to: '2026-11-30' };
      const windowed = [
        ...(await plansOf(h, (deps) => securityReport(deps, { user, ability, round: AUTUMN, ...window }), 'findings')),
        ...(await plansOf(
          h,
          (deps) => securityReport(deps, { user, ability, round: ALL_ROUNDS, ...window }),
          'findings',
        )),
      ];
      for (const plan of windowed) {
        expect(plan).toMatch(/SEARCH/);
        expect(plan).not.toMatch(/SCAN (findings|instances)|USE TEMP B-TREE/);
      }
    }
  });
});
