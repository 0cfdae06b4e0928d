import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runDueTimers } from '../../scheduler/run-due-timers.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const submission = (title: string, category = 'achievement') => ({
  category,
  title,
  completers: [{ name: '张老师', unit: '实验小学' }],
  practiceYears: 3,
  summaryReport: '以项目式学习重构小学科学课堂，经三年实践检验。',
});

async function submitted(title: string) {
  const res = await h.start('teacherA', 'teaching-award', h.orgs.schoolA, submission(title));
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return (await res.json()) as { id: string };
}

describe('teaching award through the API', () => {
  it('recommends within the rubric quota, assigns experts with 回避, scores by trimmed mean with outliers, levels by quota, 公示 then awarded', async () => {
    const a = await submitted('项目式学习重构小学科学课堂');
    expect((await h.fire(a.id, 'principalA', 'RECOMMEND')).status).toBe(200);
    const pass = await h.fire(a.id, 'reviewer1', 'PASS');
    expect(pass.status, JSON.stringify(await pass.clone().json())).toBe(200);
    const v = await h.view(a.id);
    expect(v.state).toBe('expertReview');
    const experts = v.data.experts as string[];
    // School A is in group 1: expertA2 (school A2, group 1) is excluded; the three others are chosen.
    expect([...experts].sort()).toEqual([h.users.expert, h.users.expertB, h.users.expertD].sort());
    const history = await (await h.get(`/api/instances/${a.id}/history`, await h.as('admin'))).json();
    expect(history.items.at(-1).meta.expertsAssigned).toHaveLength(3);

    for (const [who, score] of [
      ['expert', 88],
      ['expertB', 90],
      ['expertD', 60],
    ] as const) {
      const r = await h.fire(a.id, who, 'SUBMIT_PART', { data: { score } });
      expect(r.status, JSON.stringify(await r.clone().json())).toBe(200);
      if (who !== 'expert') continue;
      // 独立评审: the next expert learns neither who else reviews nor what they gave; the bureau sees everything.
      const seen = await h.view(a.id, 'expertB');
      expect(seen.data.experts).toBeUndefined();
      const trail = (await (await h.get(`/api/instances/${a.id}/history`, await h.as('expertB'))).json())
        .items as Array<{ actorId: string | null; meta: Record<string, unknown> | null }>;
      expect(trail.some((e) => e.actorId === h.users.expert)).toBe(false);
      expect(JSON.stringify(trail)).not.toContain(h.users.expertD);
      const bureau = (await (await h.get(`/api/instances/${a.id}/history`, await h.as('reviewer1'))).json())
        .items as Array<{ actorId: string | null }>;
      expect(bureau.some((e) => e.actorId === h.users.expert)).toBe(true);
    }
    expect((await h.fire(a.id, 'reviewer1', 'RANK')).status).toBe(200);
    const published = await h.fire(a.id, 'reviewer1', 'PUBLISH');
    expect(published.status, JSON.stringify(await published.clone().json())).toBe(200);
    const ranked = await h.view(a.id);
    // Fewer than 5 scores: plain mean; the first of its category gets the special prize (quota 1).
    expect(ranked.data).toMatchObject({ finalScore: 79.33, level: 'special' });
    const meta = (await (await h.get(`/api/instances/${a.id}/history`, await h.as('admin'))).json()).items.at(-1).meta;
    expect(meta.outlierExperts).toEqual([h.users.expertD]);

    // 公示 runs 7 school working days, then the timer awards it.
    h.clock.advance(12 * 86_400_000);
    await runDueTimers(h.deps);
    expect((await h.view(a.id)).state).toBe('awarded');
    const report = await (await h.get('/api/reports/teaching-award?year=2026', await h.as('reviewer1'))).json();
    expect(report.byLevel).toEqual([{ level: 'special', count: 1 }]);
    expect(report.ranking[0].items[0]).toMatchObject({ title: '项目式学习重构小学科学课堂', score: 79.33, rank: 1 });
  });

  it('refuses a recommendation over the school quota of the rubric (withinCap)', async () => {
    const b = await submitted('第二项成果');
    expect((await h.fire(b.id, 'principalA', 'RECOMMEND')).status).toBe(200);
    const c = await submitted('第三项成果');
    const over = await h.fire(c.id, 'principalA', 'RECOMMEND');
    expect(over.status).toBe(409);
    expect((await over.json()).error).toMatchObject({ code: 'GUARD_FAILED', rule: 'withinCap' });
  });

  it('refuses to pass a submission when too few experts remain after 回避 (enoughExperts)', async () => {
    // Disable one eligible expert: only two remain outside school A's group for the recommended second submission.
    await h.sql(sql`update users set disabled = true where id = ${h.users.expertD}`);
    const pending = (
      await (
        await h.get('/api/instances?definitionKey=teaching-award&state=preliminary', await h.as('reviewer1'))
      ).json()
    ).items[0];
    const res = await h.fire(pending.id, 'reviewer1', 'PASS');
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'GUARD_FAILED', rule: 'enoughExperts' });
    await h.sql(sql`update users set disabled = false where id = ${h.users.expertD}`);
  });
});
