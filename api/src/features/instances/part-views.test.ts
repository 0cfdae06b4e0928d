import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents } from '../../db/schema.js';
import { uploadEvidence } from '../../test/evidence-upload.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const scores = (n: number) => ({
  indicatorScores: [
    { indicator: 'cadre', score: n },
    { indicator: 'teacher', score: n },
    { indicator: 'uplift', score: n },
  ],
  selfSummary: `自评 ${n} 分`,
});
const errorOf = async (res: Response) => ({
  status: res.status,
  ...(
    (await res.json()) as {
      error: { code: string; message: unknown; fieldErrors?: Record<string, unknown>; rule?: string };
    }
  ).error,
});
const notices = async (who: string) =>
  (
    (await (await h.get('/api/notifications', await h.as(who))).json()) as {
      items: Array<{ kind: string; instanceId: string; title: Record<string, string> }>;
    }
  ).items;

describe('the group lead works per school (各单位填报)', () => {
  it('shows each member school’s part to the lead, refuses 汇总上报 naming who is missing, returns one named school’s part with a reason', async () => {
    const [id] = (await h.openAssessmentCycle([h.orgs.group1])) as [string];
    const A = h.users.principalA;
    const A2 = h.users.principalA2;

    // Nothing in yet: the lead sees both schools waiting; a principal only their own part; another group's principal nothing.
    const first = await h.view(id, 'lead1');
    expect(first.parts).toEqual([
      expect.objectContaining({
        step: 'selfAssessment',
        current: true,
        scope: 'all',
        parts: [
          expect.objectContaining({
            userId: A,
            orgName: '实验小学',
            person: 'principalA',
            status: 'pending',
            submittedAt: null,
            data: {},
            files: [],
          }),
          expect.objectContaining({ userId: A2, orgName: '实验小学分校', status: 'pending' }),
        ],
      }),
    ]);
    expect((await h.view(id, 'principalA2')).parts).toEqual([
      expect.objectContaining({ scope: 'own', parts: [expect.objectContaining({ userId: A2 })] }),
    ]);
    expect((await h.get(`/api/instances/${id}`, await h.as('principalB'))).status).toBe(404);

    // School A hands in its scores with a file on one indicator row.
    expect((await uploadEvidence(h, id, 'principalA', 'indicatorScores.uplift', '提升数据.png')).status).toBe(201);
    expect((await h.fire(id, 'principalA', 'SUBMIT_PART', { data: scores(8) })).status).toBe(200);
    const lead = await h.view(id, 'lead1');
    const [partA, partA2] = lead.parts?.[0]?.parts ?? [];
    expect(partA).toMatchObject({
      status: 'submitted',
      data: scores(8),
      files: [expect.objectContaining({ name: '提升数据.png', field: 'indicatorScores.uplift', uploadedBy: A })],
    });
    expect(partA?.submittedAt).toBeTruthy();
    expect(partA2).toMatchObject({ status: 'pending', files: [] });
    // The bureau oversees every instance and sees the parts too; school A2 still sees only its own.
    expect((await h.view(id, 'reviewer1')).parts?.[0]).toMatchObject({ scope: 'all' });
    expect((await h.view(id, 'principalA2')).parts?.[0]?.parts.map((p) => p.userId)).toEqual([A2]);

    // 汇总上报 waits for every part and says whose is missing, on the button and when tried.
    expect(lead.availableEvents.find((e) => e.type === 'CONSOLIDATE')?.blockedBy).toEqual({
      rule: 'allPartsIn',
      message: { 'zh-CN': '还有 1 份填报未提交：实验小学分校', en: '1 part(s) are still missing: 实验小学分校' },
    });
    const early = await errorOf(await h.fire(id, 'lead1', 'CONSOLIDATE', { comment: '汇总' }));
    expect(early).toMatchObject({
      status: 409,
      code: 'GUARD_FAILED',
      rule: 'allPartsIn',
      message: { 'zh-CN': '还有 1 份填报未提交：实验小学分校' },
    });

    // The lead returns school A's part, and only A's: it must say why.
    expect(lead.availableEvents.find((e) => e.type === 'RETURN_PART')).toMatchObject({ input: 'part', users: [A] });
    expect(await errorOf(await h.fire(id, 'lead1', 'RETURN_PART', { data: { userId: A } }))).toMatchObject({
      status: 422,
      code: 'COMMENT_REQUIRED',
    });
    expect(
      await errorOf(await h.fire(id, 'lead1', 'RETURN_PART', { data: { userId: A2 }, comment: '退回' })),
    ).toMatchObject({ status: 422, code: 'VALIDATION' });
    expect(
      (await h.fire(id, 'lead1', 'RETURN_PART', { data: { userId: A }, comment: '干部交流佐证缺少任职文件' })).status,
    ).toBe(200);

    const returned = await h.view(id, 'principalA');
    expect(returned.parts?.[0]?.parts).toEqual([
      expect.objectContaining({ userId: A, status: 'returned', returns: 1, returnReason: '干部交流佐证缺少任职文件' }),
    ]);
    // What the school handed in stays as it was stored (it is resubmitted from there); the step's rows name the indicators.
    expect(returned.parts?.[0]?.parts[0]?.data).toEqual(scores(8));
    expect(returned.parts?.[0]?.rows).toEqual({
      field: 'indicatorScores',
      rows: expect.arrayContaining([{ indicator: 'uplift', name: '薄弱校质量提升' }]),
    });
    expect(returned.availableEvents.map((e) => e.type)).toContain('SUBMIT_PART');
    // School A is told, with the reason; school A2 is not.
    expect(
      (await notices('principalA')).find((n) => n.kind === 'returned' && n.instanceId === id)?.title['zh-CN'],
    ).toBe('【退回修改】2026年度捆绑式考核 · 原因：干部交流佐证缺少任职文件');
    expect((await notices('principalA2')).some((n) => n.kind === 'returned')).toBe(false);
    // The trail names the school sent back.
    const audit = (
      await h.deps.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, id), eq(auditEvents.outcome, 'success')))
    )
      .map((e) => e.meta as Record<string, unknown>)
      .find((m) => m?.type === 'RETURN_PART');
    expect(audit).toMatchObject({ comment: '干部交流佐证缺少任职文件', part: { userId: A, name: '实验小学' } });

    // Both schools in: the lead consolidates.
    expect((await h.fire(id, 'principalA', 'SUBMIT_PART', { data: scores(9) })).status).toBe(200);
    expect((await h.fire(id, 'principalA2', 'SUBMIT_PART', { data: scores(6) })).status).toBe(200);
    expect((await h.fire(id, 'lead1', 'CONSOLIDATE', { comment: '同意上报' })).status).toBe(200);
    // At the desk review the parts stay readable, no longer current.
    expect((await h.view(id, 'reviewer1')).parts?.[0]).toMatchObject({
      current: false,
      parts: [
        expect.objectContaining({ status: 'submitted', returnReason: null }),
        expect.objectContaining({ status: 'submitted' }),
      ],
    });
  });
});

describe('the self-check summary follows the checklist (summaryMatchesItems)', () => {
  it('refuses a 均符合要求 summary over a 不符合 item with a message naming it, writes nothing, and takes the corrected one', async () => {
    const started = await (
      await h.start(
        'admin',
        'security-inspection',
        h.orgs.schoolA,
        { round: '2026年秋季', items: CHECKLIST_V1.items },
        { inspector: [h.users.inspector] },
      )
    ).json();
    const items = CHECKLIST_V1.items.map((i) => ({
      ...i,
      result: i.code === 'HOST-01' ? 'fail' : 'pass',
      ...(i.code === 'HOST-01' ? { severity: 'high' } : {}),
    }));
    const view = await h.view(started.id, 'principalA');
    expect(view.availableEvents.find((e) => e.type === 'SUBMIT')).toMatchObject({
      requires: ['items'],
      asks: ['selfCheckNotes'],
    });

    const refused = await errorOf(
      await h.fire(started.id, 'principalA', 'SUBMIT', {
        data: { items, selfCheckNotes: '已完成全部检查项自查，均符合要求。' },
      }),
    );
    expect(refused).toMatchObject({ status: 409, code: 'GUARD_FAILED', rule: 'summaryMatchesItems' });
    expect(refused.message).toEqual({
      'zh-CN':
        '说明写有“均符合要求”，但以下 1 项标为不符合：HOST-01 服务器无弱口令。请修改说明，或核对这些检查项的结论。',
      en: 'The summary says "均符合要求" (all compliant), but 1 item(s) are marked non-compliant: HOST-01 服务器无弱口令. Correct the summary or those items.',
    });
    expect(Object.keys(refused.fieldErrors as object)).toEqual(['selfCheckNotes']);
    const after = await h.view(started.id, 'principalA');
    expect(after).toMatchObject({ version: view.version, state: 'selfCheck' });
    expect(after.data.selfCheckNotes).toBeUndefined();

    const ok = await h.fire(started.id, 'principalA', 'SUBMIT', {
      data: { items, selfCheckNotes: '服务器存在弱口令（HOST-01），已列入整改，其余均符合要求。' },
    });
    expect(ok.status, JSON.stringify(await ok.clone().json())).toBe(200);
  });
});
