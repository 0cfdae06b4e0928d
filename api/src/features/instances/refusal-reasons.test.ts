import { TEMPLATES } from '@eduflow/workflows';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents, instances } from '../../db/schema.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

// The test clock reads 2026-11-23; the whitelist asks for 30 days' notice.
const request = (extra: Record<string, unknown> = {}) => ({
  itemCode: 'KP-01',
  title: '青少年科学素质讲座',
  activityDate: '2026-12-07',
  schoolIds: [h.orgs.schoolA],
  teacherHours: 1,
  ...extra,
});
type Reason = { rule: string; label?: { 'zh-CN': string }; message: { 'zh-CN': string; en: string } };
const rules = (reasons: Reason[]) => reasons.map((r) => r.rule);

describe('a request refused by its automatic checks says why (issue 12.1)', () => {
  it('on the page, in the requester’s notice and in the history: each failed rule, labelled, with its reason', async () => {
    const res = await h.start('outside', 'campus-entry', h.orgs.district, request());
    expect(res.status).toBe(201);
    const started = await res.json();
    expect([started.state, started.outcome]).toEqual(['refused', 'rejected']);
    // The start's own answer already says it, so the console's toast can too.
    expect(started.refusal.stateName['zh-CN']).toBe('自动校验');
    expect(rules(started.refusal.reasons)).toEqual(['leadTime']);
    const view = await h.view(started.id, 'outside');
    const [lead] = view.refusal!.reasons;
    expect(lead.label?.['zh-CN']).toBe('按规定时间提前申报');
    expect(lead.message['zh-CN']).toBe('须提前 30 天申报（本次提前 14 天）');

    const notices = await (await h.get('/api/notifications', await h.as('outside'))).json();
    const notice = notices.items.find((n: { instanceId: string }) => n.instanceId === started.id);
    expect(notice).toMatchObject({ kind: 'refused', reasons: [{ rule: 'leadTime' }] });
    expect(notice.title['zh-CN']).toContain('【自动校验未通过】青少年科学素质讲座');
    expect(notice.detail['zh-CN']).toContain('「自动校验」有 1 项规则未通过');

    const history = await (await h.get(`/api/instances/${started.id}/history`, await h.as('outside'))).json();
    const filed = history.items.find((e: { action: string }) => e.action === 'instance.start');
    expect(filed.meta).toMatchObject({ refusedAt: 'autoCheck' });
    expect(rules(filed.meta.refusals)).toEqual(['leadTime']);
  });

  it('a passing request carries no refusal and tells nobody it was refused', async () => {
    const started = await (
      await h.start('outside', 'campus-entry', h.orgs.district, request({ activityDate: '2027-01-08' }))
    ).json();
    expect(started.state).toBe('bureauReview');
    expect(started.refusal).toBeNull();
  });

  it('a resubmitted request that now breaks a rule answers with the refusal and records it in the history', async () => {
    const started = await (
      await h.start(
        'outside',
        'campus-entry',
        h.orgs.district,
        request({ itemCode: 'FZ-01', activityDate: '2027-01-06', schoolIds: [h.orgs.schoolB] }),
      )
    ).json();
    expect(started.state).toBe('bureauReview');
    expect((await h.fire(started.id, 'reviewer1', 'RETURN', { comment: '请改期' })).status).toBe(200);
    const res = await h.fire(started.id, 'outside', 'RESUBMIT', { data: { activityDate: '2026-12-01' } });
    expect(res.status).toBe(200);
    const moved = await res.json();
    expect(moved.state).toBe('refused');
    expect(rules(moved.refusal.reasons)).toEqual(['leadTime']);
    const history = await (await h.get(`/api/instances/${started.id}/history`, await h.as('outside'))).json();
    const resubmit = history.items.find((e: { meta: { type?: string } }) => e.meta?.type === 'RESUBMIT');
    expect(rules(resubmit.meta.refusals)).toEqual(['leadTime']);
  });

  it('a bureau’s copy under another key refuses with the same reasons (declared, not keyed)', async () => {
    const copyId = await h.publish({ ...TEMPLATES['campus-entry'], key: 'social-affairs-copy', version: 1 });
    const res = await h.post(
      '/api/instances',
      { definitionId: copyId, subjectOrgId: h.orgs.district, data: request({ schoolIds: [h.orgs.schoolB] }) },
      await h.as('outside'),
    );
    const started = await res.json();
    expect(started.state).toBe('refused');
    expect(rules(started.refusal.reasons)).toEqual(['leadTime']);
  });
});

describe('预检: the same checks, nothing filed', () => {
  const precheck = async (who: string, data: Record<string, unknown>, definitionId = h.defs['campus-entry']) =>
    h.post('/api/instances/precheck', { definitionId, subjectOrgId: h.orgs.district, data }, await h.as(who));
  const totals = async () => ({
    instances: (await h.db.select({ n: count() }).from(instances).limit(1))[0]?.n,
    audit: (await h.db.select({ n: count() }).from(auditEvents).limit(1))[0]?.n,
  });

  it('lists the rules a request would break, and writes nothing', async () => {
    const before = await totals();
    const res = await precheck('outside', request({ commercial: true, schoolIds: [h.orgs.schoolA2] }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.passes).toBe(false);
    expect(rules(body.reasons)).toEqual(['leadTime', 'notCommercial']);
    expect(body.checked).toEqual([{ state: 'autoCheck', name: { 'zh-CN': '自动校验', en: 'Automatic checks' } }]);
    expect(body.next.state).toBe('refused');
    expect(await totals()).toEqual(before);
  });

  it('says where a good request would go', async () => {
    const body = await (
      await precheck('outside', request({ activityDate: '2027-01-15', schoolIds: [h.orgs.schoolA2] }))
    ).json();
    expect(body).toMatchObject({ passes: true, reasons: [], next: { state: 'bureauReview' } });
  });

  it('refuses what the start would refuse: an incomplete form (422, per field) and someone who may not start (403)', async () => {
    const incomplete = await precheck('outside', { ...request(), title: undefined });
    expect(incomplete.status).toBe(422);
    expect(Object.keys((await incomplete.json()).error.fieldErrors)).toEqual(['title']);
    expect((await precheck('principalA', request())).status).toBe(403);
  });
});
