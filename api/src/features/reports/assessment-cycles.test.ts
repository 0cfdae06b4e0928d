import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { WorkflowHarness } from '../../test/workflow-harness.js';
import { assessmentCyclesFixture } from './assessment-cycles.fixture.js';

/** Issue 11: the bundled assessment shows the latest cycle unless asked for another, and reads only that cycle. */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await assessmentCyclesFixture();
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
});
