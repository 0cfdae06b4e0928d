import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addWorkdays } from '../../engine.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { handInRectification } from '../../test/rectification.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const answered = (fails: Record<string, 'high' | 'medium' | 'low'>) =>
  CHECKLIST_V1.items.map((i) => ({
    ...i,
    result: fails[i.code] ? 'fail' : 'pass',
    ...(fails[i.code] ? { severity: fails[i.code], note: '未达标' } : {}),
  }));

async function round(name: string, fails: Record<string, 'high' | 'medium' | 'low'>, close: boolean) {
  const bulk = await h.post(
    '/api/bulk/instances',
    {
      definitionId: h.defs['security-inspection'],
      subjectOrgIds: [h.orgs.schoolA],
      data: { round: name },
      assignments: { inspector: [h.users.inspector] },
    },
    await h.as('admin'),
  );
  expect(bulk.status, JSON.stringify(await bulk.clone().json())).toBe(200);
  const { started } = await bulk.json();
  const id: string = started[0].instanceId;
  // The bulk start filled the items from the published checklist.
  expect(((await h.view(id)).data.items as unknown[]).length).toBe(CHECKLIST_V1.items.length);
  expect((await h.fire(id, 'principalA', 'SUBMIT', { data: { items: answered(fails) } })).status).toBe(200);
  const raised = await h.fire(id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' });
  expect(raised.status, JSON.stringify(await raised.clone().json())).toBe(200);
  // The rectification deadline follows the most severe finding (high 5, medium 10, low 20 working days).
  const days = Math.min(...Object.values(fails).map((s) => ({ high: 5, medium: 10, low: 20 })[s]));
  const view = await h.view(id);
  expect(view.data.rectificationDays).toBe(days);
  expect(view.openTasks[0].dueAt).toBe(addWorkdays(undefined, h.clock.now(), days).toISOString());
  if (close) {
    expect((await handInRectification(h, id)).status).toBe(200);
    expect((await h.fire(id, 'inspector', 'APPROVE', { comment: '整改到位' })).status).toBe(200);
  }
  return id;
}

describe('security inspection findings', () => {
  it('may be opened by a bureau reviewer, as the definition’s starters say', async () => {
    const res = await h.post(
      '/api/instances',
      {
        definitionId: h.defs['security-inspection'],
        subjectOrgId: h.orgs.schoolA,
        data: { round: '专项检查', items: CHECKLIST_V1.items },
        assignments: { inspector: [h.users.inspector] },
      },
      await h.as('reviewer1'),
    );
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  });

  it('turns failures into findings with deadlines by severity, flags repeats across rounds, closes them on verification, reports them', async () => {
    const first = await round('2026春季', { 'HOST-01': 'high', 'DATA-01': 'low' }, true);
    const rows = await h.sql(
      sql`select item_code, severity, workdays, case when repeat then 1 else 0 end as repeat, status from findings where instance_id = ${first} order by item_code`,
    );
    expect(rows).toEqual([
      { item_code: 'DATA-01', severity: 'low', workdays: 20, repeat: 0, status: 'closed' },
      { item_code: 'HOST-01', severity: 'high', workdays: 5, repeat: 0, status: 'closed' },
    ]);
    const second = await round('2026秋季', { 'HOST-01': 'medium' }, false);
    const again = await h.sql(
      sql`select item_code, workdays, case when repeat then 1 else 0 end as repeat, status from findings where instance_id = ${second}`,
    );
    expect(again).toEqual([{ item_code: 'HOST-01', workdays: 10, repeat: 1, status: 'open' }]);

    const report = await (
      await h.get(`/api/reports/security-inspection?round=${encodeURIComponent('2026秋季')}`, await h.as('reviewer1'))
    ).json();
    expect(report).toMatchObject({
      totalFindings: 1,
      openFindings: 1,
      overdueFindings: 0,
      repeats: 1,
      bySeverity: [{ severity: 'medium', count: 1, open: 1 }],
    });
    expect(report.byLayer).toEqual([{ layer: '主机安全', count: 1, open: 1 }]);
    // Ten working days later the open finding is overdue.
    h.clock.advance(15 * 86_400_000);
    const later = await (
      await h.get(`/api/reports/security-inspection?round=${encodeURIComponent('2026秋季')}`, await h.as('reviewer1'))
    ).json();
    expect(later.overdueFindings).toBe(1);
    // Principal of another school sees nothing of school A.
    const other = await (await h.get('/api/reports/security-inspection', await h.as('principalB'))).json();
    expect(other).toMatchObject({ totalFindings: 0, perSchool: [] });
  });

  it('opens a round for 200 schools in one call, atomic per school, and says which failed and why', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const id = `bulk-school-${i}`;
      await h.sql(
        sql`insert into organisations (id, type, name, parent_id) values (${id}, 'school', ${`批量学校${i}`}, ${h.orgs.group2})`,
      );
      ids.push(id);
    }
    const body = {
      definitionId: h.defs['security-inspection'],
      subjectOrgIds: [...ids, h.orgs.group1],
      data: { round: '2026批量' },
      assignments: { inspector: [h.users.inspector] },
    };
    const session = await h.as('admin');
    // Issue 11: the server keeps answering while the round opens (the work yields between slices).
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 0);
    const t0 = performance.now();
    const res = await h.post('/api/bulk/instances', body, session);
    const ms = performance.now() - t0;
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(1);
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out.started).toHaveLength(200);
    expect(out.failed).toEqual([expect.objectContaining({ orgId: h.orgs.group1, code: 'VALIDATION' })]);
    console.log(`bulk start: 200 security inspections in ${Math.round(ms)} ms (use-case ${out.ms} ms)`);
    expect((await h.post('/api/bulk/instances', body, await h.as('principalA'))).status).toBe(403);
    const audited = (
      (await h.sql(
        sql`select outcome, meta from audit_events where action = 'instance.bulkStart' order by seq`,
      )) as Array<{
        outcome: string;
        meta: string | null;
      }>
    ).map(({ outcome, meta }) => {
      const m = meta ? (JSON.parse(meta) as { started?: number; failed?: number }) : {};
      return { outcome, started: m.started ?? null, failed: m.failed ?? null };
    });
    expect(audited.slice(-2)).toEqual([
      { outcome: 'success', started: 200, failed: 1 },
      { outcome: 'denied', started: null, failed: null },
    ]);
  });
});
