import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

type Overview = {
  openTasks: number;
  overdueTasks: number;
  overdueByWorkflow: Array<{ definitionKey: string; name: { 'zh-CN': string; en: string }; count: number }>;
};
const overview = async (who: string, query = '') =>
  (await (await h.get(`/api/reports/overview${query}`, await h.signIn(who))).json()) as Overview;

describe('GET /reports/overview with 负担码 tasks', () => {
  it('counts an open burden task for the bureau, and as overdue once its deadline passes; not for a school, nor under another school', async () => {
    const filed = await h.post(
      '/api/burden-reports',
      { burdenItem: 'other', description: '每周被要求填报与教学无关的统计表' },
      await h.signIn('teacherA'),
    );
    expect(filed.status, await filed.clone().text()).toBe(201);

    expect(await overview('reviewer1')).toMatchObject({ openTasks: 1, overdueTasks: 0, overdueByWorkflow: [] });
    expect((await overview('reviewer1', `?schoolId=${h.orgs.schoolA}`)).openTasks).toBe(1);
    expect((await overview('reviewer1', `?schoolId=${h.orgs.schoolB}`)).openTasks).toBe(0);
    // A principal reads no burden reports (the complaint is anonymous towards the school).
    expect((await overview('principalA')).openTasks).toBe(0);

    h.clock.advance(30 * 24 * 3600 * 1000);
    const late = await overview('reviewer1');
    expect(late).toMatchObject({ openTasks: 1, overdueTasks: 1 });
    expect(late.overdueByWorkflow).toEqual([
      { definitionKey: 'burden-report', name: { 'zh-CN': '负担码反映', en: 'Teacher burden report' }, count: 1 },
    ]);
  });
});
