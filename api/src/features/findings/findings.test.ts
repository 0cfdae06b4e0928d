import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const fails: Record<string, string> = { 'HOST-01': 'high', 'DATA-01': 'medium', 'MGT-01': 'low' };

describe('GET /api/findings', () => {
  it('lists an inspection’s findings earliest deadline first, keyset-paginated, overdue flagged, scoped to who may read the inspection', async () => {
    const started = await (
      await h.start(
        'admin',
        'security-inspection',
        h.orgs.schoolA,
        { round: '秋季' },
        { inspector: [h.users.inspector] },
      )
    ).json();
    // A high-severity failure may order the system offline; a medium one cannot.
    const items = CHECKLIST_V1.items.map((i) =>
      fails[i.code] ? { ...i, result: 'fail', severity: fails[i.code], offline: true } : { ...i, result: 'pass' },
    );
    expect((await h.fire(started.id, 'principalA', 'SUBMIT', { data: { items } })).status).toBe(200);
    expect((await h.fire(started.id, 'inspector', 'RAISE_FINDINGS', { comment: '三项不符合' })).status).toBe(200);

    const first = await (
      await h.get(`/api/findings?instanceId=${started.id}&limit=2`, await h.as('principalA'))
    ).json();
    expect(first.items.map((f: { itemCode: string; workdays: number }) => [f.itemCode, f.workdays])).toEqual([
      ['HOST-01', 5],
      ['DATA-01', 10],
    ]);
    expect(first.items.map((f: { offlineOrdered: boolean }) => f.offlineOrdered)).toEqual([true, false]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (
      await h.get(`/api/findings?instanceId=${started.id}&limit=2&cursor=${first.nextCursor}`, await h.as('principalA'))
    ).json();
    expect(second).toMatchObject({
      items: [{ itemCode: 'MGT-01', severity: 'low', overdue: false, schoolName: '实验小学' }],
      nextCursor: null,
    });

    expect((await (await h.get('/api/findings', await h.as('principalB'))).json()).items).toEqual([]);
    h.clock.advance(8 * 86_400_000);
    const overdue = await (await h.get('/api/findings?overdue=1', await h.as('reviewer1'))).json();
    expect(overdue.items.map((f: { itemCode: string }) => f.itemCode)).toEqual(['HOST-01']);
    expect((await h.get('/api/findings?cursor=nonsense', await h.as('reviewer1'))).status).toBe(400);
  });
});
