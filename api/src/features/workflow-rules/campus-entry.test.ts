import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const request = (schoolIds: string[], extra: Record<string, unknown> = {}) => ({
  itemCode: 'KP-01',
  title: '科普大篷车进校园',
  activityDate: '2027-01-05',
  schoolIds,
  studentHours: 2,
  teacherHours: 1,
  ...extra,
});
type Started = { id: string; state: string; version: number };

/** The rules the automatic check named when it refused, from the start event's audit meta. */
async function refusedBy(id: string): Promise<string[]> {
  const history = await (await h.get(`/api/instances/${id}/history`, await h.as('outside'))).json();
  const start = history.items.find((e: { action: string }) => e.action === 'instance.start');
  return (start.meta.refusals ?? []).map((r: { rule: string }) => r.rule);
}

// Issue 11: the rule set counts a semester's requests; an event whose guards never read it must not pay for that.

describe('campus entry against the published whitelist', () => {
  it('runs a request from filing to the schools’ outcome and hours, and reports them', async () => {
    const res = await h.start('outside', 'campus-entry', h.orgs.district, request([h.orgs.schoolA, h.orgs.schoolB]));
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    const started: Started = await res.json();
    expect(started.state).toBe('bureauReview');
    expect((await h.fire(started.id, 'reviewer1', 'APPROVE')).status).toBe(200);
    for (const p of ['principalA', 'principalB'])
      expect((await h.fire(started.id, p, 'SUBMIT_PART', { data: { decision: 'confirm' } })).status).toBe(200);
    expect((await h.view(started.id)).state).toBe('outcome');
    for (const [p, hours] of [
      ['principalA', 3],
      ['principalB', 2],
    ] as const) {
      const r = await h.fire(started.id, p, 'SUBMIT_PART', { data: { held: true, actualTeacherHours: hours } });
      expect(r.status, JSON.stringify(await r.clone().json())).toBe(200);
    }
    expect((await h.view(started.id)).state).toBe('done');

    const report = await (
      await h.get('/api/reports/campus-entry?semester=2026-autumn', await h.as('reviewer1'))
    ).json();
    expect(report.hoursByItem).toEqual([
      { itemCode: 'KP-01', requests: 1, plannedTeacherHours: 1, spentTeacherHours: 5 },
    ]);
    expect(report.perSchool.map((s: { used: number }) => s.used)).toEqual([1, 1]);
    // A principal sees only their own school's line.
    const mine = await (await h.get('/api/reports/campus-entry?semester=2026-autumn', await h.as('principalA'))).json();
    expect(mine.perSchool).toEqual([expect.objectContaining({ schoolId: h.orgs.schoolA, used: 1, cap: 6 })]);
  });

  it.each([
    ['onWhitelist', { itemCode: 'AD-99' }],
    ['inWindow', { itemCode: 'KP-01', activityDate: '2027-03-10' }],
    ['leadTime', { activityDate: '2026-12-01' }],
    ['notCommercial', { commercial: true }],
    ['notCommercial', { feeCharging: true }],
    ['emergencyApproved', { emergency: true, activityDate: '2026-12-01' }],
    ['inScope', { itemCode: 'YE-01' }],
  ])('refuses by the rule %s and keeps the reason in the history', async (rule, extra) => {
    const res = await h.start('outside', 'campus-entry', h.orgs.district, request([h.orgs.schoolA2], extra));
    const started: Started = await res.json();
    expect(started.state).toBe('refused');
    expect(await refusedBy(started.id)).toContain(rule);
  });

  it('counts the item frequency and the school cap per semester; an approved emergency addition waives only the lead time', async () => {
    // KP-01 may come once per semester per school: school A already had it in the first test.
    const again = await (await h.start('outside', 'campus-entry', h.orgs.district, request([h.orgs.schoolA]))).json();
    expect(await refusedBy(again.id)).toEqual(['itemFrequency']);
    // The leading group approved XF-01 as an emergency addition: filed 8 days ahead, it passes…
    const emergency = await (
      await h.start(
        'outside',
        'campus-entry',
        h.orgs.district,
        request([h.orgs.schoolA2], { itemCode: 'XF-01', activityDate: '2026-12-01', emergency: true }),
      )
    ).json();
    expect(emergency.state).toBe('bureauReview');
    // …and still counts: school A2 fills its cap of six with other XF-01 dates (frequency 2) and KP-01.
    const fill = [
      request([h.orgs.schoolA2], { itemCode: 'XF-01', activityDate: '2027-01-10' }),
      request([h.orgs.schoolA2]),
    ];
    for (const data of fill)
      expect((await (await h.start('outside', 'campus-entry', h.orgs.district, data)).json()).state).toBe(
        'bureauReview',
      );
    const used = await (await h.get('/api/reports/campus-entry?semester=2026-autumn', await h.as('reviewer1'))).json();
    expect(used.perSchool.find((s: { schoolId: string }) => s.schoolId === h.orgs.schoolA2).used).toBe(3);
    for (let i = 0; i < 3; i += 1)
      expect(
        (
          await (
            await h.start('outside', 'campus-entry', h.orgs.district, request([h.orgs.schoolA2], { itemCode: 'FZ-01' }))
          ).json()
        ).state,
      ).toBe('bureauReview');
    const over = await (
      await h.start('outside', 'campus-entry', h.orgs.district, request([h.orgs.schoolA2], { itemCode: 'FZ-01' }))
    ).json();
    expect(await refusedBy(over.id)).toEqual(['schoolCap']);
  });
});

describe('schools that decline', () => {
  it('must give a reason (422, nothing written); a school that declined is not asked for the outcome; all declining ends as 未开展', async () => {
    const started: Started = await (
      await h.start(
        'outside',
        'campus-entry',
        h.orgs.district,
        request([h.orgs.schoolA, h.orgs.schoolB], { itemCode: 'XF-01', title: '消防演练' }),
      )
    ).json();
    expect((await h.fire(started.id, 'reviewer1', 'APPROVE')).status).toBe(200);
    const before = (await h.view(started.id)).version;
    const bare = await h.fire(started.id, 'principalB', 'SUBMIT_PART', { data: { decision: 'decline' } });
    expect(bare.status).toBe(422);
    expect((await bare.json()).error.fieldErrors.declineReason['zh-CN']).toContain('婉拒理由');
    expect((await h.view(started.id)).version).toBe(before);
    expect(
      (
        await h.fire(started.id, 'principalB', 'SUBMIT_PART', {
          data: { decision: 'decline', declineReason: '与期末考试冲突' },
        })
      ).status,
    ).toBe(200);
    expect((await h.fire(started.id, 'principalA', 'SUBMIT_PART', { data: { decision: 'confirm' } })).status).toBe(200);
    expect((await h.view(started.id)).state).toBe('outcome');
    const open = await h.sql(
      sql`select c.user_id from tasks t join task_candidates c on c.task_id = t.id where t.instance_id = ${started.id} and t.state = 'outcome' and t.status = 'open'`,
    );
    expect(open).toEqual([{ user_id: h.users.principalA }]);
    expect(
      (await h.fire(started.id, 'principalB', 'SUBMIT_PART', { data: { held: false, actualTeacherHours: 0 } })).status,
    ).toBe(403);

    const none: Started = await (
      await h.start(
        'outside',
        'campus-entry',
        h.orgs.district,
        request([h.orgs.schoolA, h.orgs.schoolB], { itemCode: 'FZ-01', title: '法治讲座' }),
      )
    ).json();
    expect((await h.fire(none.id, 'reviewer1', 'APPROVE')).status).toBe(200);
    for (const p of ['principalA', 'principalB'])
      expect(
        (await h.fire(none.id, p, 'SUBMIT_PART', { data: { decision: 'decline', declineReason: '场地检修' } })).status,
      ).toBe(200);
    const ended = await h.view(none.id);
    expect([ended.state, ended.status, ended.outcome]).toEqual(['notHeld', 'completed', 'cancelled']);
    expect(ended.stateName['zh-CN']).toBe('未开展');
  });
});
