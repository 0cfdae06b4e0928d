import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  const pa = await h.signIn('principalA');
  const pb = await h.signIn('principalB');
  for (const [s, org] of [
    [pa, h.orgs.schoolA],
    [pa, h.orgs.schoolA],
    [pb, h.orgs.schoolB],
  ] as const) {
    await h.post('/api/instances', { definitionId, subjectOrgId: org, data: { title: '报告' } }, s);
  }
  const first = ((await (await h.get('/api/instances', pa)).json()) as { items: Array<{ id: string }> }).items[0];
  await h.post(`/api/instances/${first?.id}/events`, { type: 'SUBMIT', expectedVersion: 1 }, pa);
});
afterAll(() => h.close());

type Overview = {
  byWorkflow: Array<{
    definitionKey: string;
    byState: Array<{ state: string; stateName: { 'zh-CN': string }; count: number }>;
  }>;
  openTasks: number;
  overdueTasks: number;
  overdueByWorkflow: Array<{ count: number }>;
};

describe('GET /reports/overview', () => {
  it('counts the district for the bureau, by workflow and state, with open tasks', async () => {
    const res = await h.get('/api/reports/overview', await h.signIn('reviewer1'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Overview;
    expect(body.byWorkflow).toEqual([
      {
        definitionKey: 'school-report',
        name: { 'zh-CN': '学校专项报告', en: 'School report' },
        byState: [
          expect.objectContaining({
            state: 'draft',
            count: 2,
            stateName: { 'zh-CN': '学校填报', en: 'School fills in' },
          }),
          expect.objectContaining({ state: 'review', count: 1 }),
        ],
      },
    ]);
    // Two drafts' tasks plus one review task per bureau reviewer (all-of, two reviewers).
    expect(body.openTasks).toBe(4);
    expect(body.overdueTasks).toBe(0);
  });

  it('scopes a principal to their school, filters by school, and counts overdue once deadlines pass', async () => {
    const mine = (await (await h.get('/api/reports/overview', await h.signIn('principalB'))).json()) as Overview;
    expect(mine.byWorkflow[0]?.byState).toEqual([expect.objectContaining({ state: 'draft', count: 1 })]);
    const filtered = (await (
      await h.get(`/api/reports/overview?schoolId=${h.orgs.schoolA}`, await h.signIn('admin'))
    ).json()) as Overview;
    expect(filtered.byWorkflow[0]?.byState.map((s) => s.count).reduce((a, b) => a + b)).toBe(2);
    h.clock.advance(30 * 24 * 3600 * 1000);
    const late = (await (await h.get('/api/reports/overview', await h.signIn('admin'))).json()) as Overview;
    expect(late.overdueTasks).toBeGreaterThanOrEqual(2);
    expect(late.overdueByWorkflow[0]?.count).toBe(late.overdueTasks);
    expect((await h.get('/api/reports/overview?from=nope', await h.signIn('admin'))).status).toBe(400);
  });
});
