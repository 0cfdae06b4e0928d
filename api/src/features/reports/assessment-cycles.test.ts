import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { tx } from '../../db/client.js';
import { instances } from '../../db/schema.js';
import { plansOf } from '../../test/query-plans.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { assessmentReport } from './assessment-report.js';

/** Issue 11: the bundled assessment shows the latest cycle unless asked for another, and reads only that cycle. */
let h: WorkflowHarness;
const at = (day: string) => `${day}T02:00:00.000Z`;

async function assessment(groupId: string, day: string, cycle: string, groupScore: number) {
  const data = { cycle, groupScore, grade: groupScore >= 85 ? '优秀' : '良好' };
  await tx(h.db, () =>
    h.db.insert(instances).values({
      id: randomUUID(),
      definitionId: h.defs['bundled-assessment'] ?? '',
      subjectOrgId: groupId,
      subjectGroupId: groupId,
      districtId: h.orgs.district,
      state: 'published',
      status: 'running',
      data,
      snapshot: {},
      createdBy: h.users.admin ?? '',
      createdAt: at(day),
      updatedAt: at(day),
      period: cycle,
    }),
  );
}

beforeAll(async () => {
  h = await makeWorkflowHarness({ reference: false });
  const { group1, group2 } = h.orgs;
  // Three annual cycles, the latest with one group assessed so far.
  await assessment(group1, '2024-03-01', '2024', 70);
  await assessment(group2, '2024-03-02', '2024', 71);
  await assessment(group1, '2025-03-01', '2025', 80);
  await assessment(group2, '2025-03-02', '2025', 81);
  await assessment(group1, '2026-03-01', '2026', 90);
});
afterAll(() => h.close());

describe('GET /reports/bundled-assessment cycles (issue 11)', () => {
  const get = async (q: string, who = 'reviewer1') =>
    (await h.get(`/api/reports/bundled-assessment${q}`, await h.as(who))).json();

  it('defaults to the latest cycle, offers the cycles newest first, and keeps a chosen one', async () => {
    const latest = await get('');
    expect(latest).toMatchObject({ cycle: '2026', cycles: ['2026', '2025', '2024'] });
    expect(latest.ranking.map((r: { groupId: string }) => r.groupId)).toEqual([h.orgs.group1]);
    const older = await get('?cycle=2025');
    expect(older.cycle).toBe('2025');
    expect(older.ranking.map((r: { score: number }) => r.score).sort()).toEqual([80, 81]);
    // A group lead sees their group's line of the latest cycle only.
    expect((await get('', 'lead1')).ranking.map((r: { groupId: string }) => r.groupId)).toEqual([h.orgs.group1]);
  });

  it("reads the cycle's instances off (definition_id, period) — not every cycle's JSON — and sorts nothing in SQL", async () => {
    for (const who of ['reviewer1', 'lead1']) {
      const user = await h.authUser(who);
      for (const cycle of [undefined, '2025']) {
        const plans = await plansOf(
          h,
          (deps) => assessmentReport(deps, { user, ability: defineAbilityFor(user), cycle }),
          'instances',
        );
        expect(plans.length).toBeGreaterThan(0);
        for (const plan of plans) {
          expect(plan).toMatch(
            /SEARCH instances USING INDEX instances_definition_period_idx \(definition_id=\? AND period=\?\)/,
          );
          expect(plan).not.toMatch(/SCAN instances|USE TEMP B-TREE/);
        }
      }
    }
  });
});
