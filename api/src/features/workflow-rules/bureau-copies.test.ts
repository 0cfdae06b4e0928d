import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../../db/client.js';
import { definitions } from '../../db/schema.js';
import { TEMPLATES } from '../../engine.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { handInRectification } from '../../test/rectification.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

/**
 * A bureau that copies a workflow under a new key, or publishes a new version with a renamed step,
 * keeps every domain rule: they follow the blocks the definition declares, not its key or step names.
 */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Json = Record<string, unknown>;
const copy = (key: string, as: string, version = 1): Json => ({
  ...(structuredClone(TEMPLATES[key]) as unknown as Json),
  key: as,
  version,
});

/** Renames a step everywhere a definition points at it, as the designer does. */
function renameStep(doc: Json, from: string, to: string): Json {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v as Json).map(([k, x]) => [
        k,
        (k === 'to' || k === 'otherwise' || k === 'from') && x === from ? to : walk(x),
      ]),
    );
  };
  const states = doc.states as Json;
  const renamed = Object.fromEntries(Object.entries(states).map(([id, s]) => [id === from ? to : id, s]));
  return walk({ ...doc, initial: doc.initial === from ? to : doc.initial, states: renamed }) as Json;
}

const answered = (fails: Record<string, 'high' | 'medium' | 'low'>) =>
  CHECKLIST_V1.items.map((i) => ({
    ...i,
    result: fails[i.code] ? 'fail' : 'pass',
    ...(fails[i.code] ? { severity: fails[i.code], note: '未达标' } : {}),
  }));

async function inspectionRound(definitionId: string, round: string, raiseAs = 'RAISE_FINDINGS') {
  const bulk = await h.post(
    '/api/bulk/instances',
    { definitionId, subjectOrgIds: [h.orgs.schoolA], data: { round }, assignments: { inspector: [h.users.inspector] } },
    await h.as('admin'),
  );
  expect(bulk.status, JSON.stringify(await bulk.clone().json())).toBe(200);
  const id: string = (await bulk.json()).started[0].instanceId;
  expect(((await h.view(id)).data.items as unknown[]).length).toBe(CHECKLIST_V1.items.length);
  expect(
    (await h.fire(id, 'principalA', 'SUBMIT', { data: { items: answered({ 'HOST-01': 'high', 'DATA-01': 'low' }) } }))
      .status,
  ).toBe(200);
  const raised = await h.fire(id, 'inspector', raiseAs, { comment: '存在问题' });
  expect(raised.status, JSON.stringify(await raised.clone().json())).toBe(200);
  return id;
}

describe('a bureau’s copy and a renamed step keep the rules', () => {
  it('a copy of 网络安全检查 under a new key: bulk start prefills the checklist, findings get their deadlines, the ledger and report show them', async () => {
    const id = await inspectionRound(await h.publish(copy('security-inspection', 'network-security-2027')), '2027春季');
    const view = await h.view(id);
    expect(view.data.rectificationDays).toBe(5);
    const findings = (await (await h.get(`/api/findings?instanceId=${id}`, await h.as('reviewer1'))).json())
      .items as Array<{ itemCode: string; workdays: number }>;
    expect(findings.map((f) => [f.itemCode, f.workdays]).sort()).toEqual([
      ['DATA-01', 20],
      ['HOST-01', 5],
    ]);
    const report = await (
      await h.get(`/api/reports/security-inspection?round=${encodeURIComponent('2027春季')}`, await h.as('reviewer1'))
    ).json();
    expect(report).toMatchObject({ totalFindings: 2, openFindings: 2 });
  });

  it('a new version whose 现场检查 step is renamed still raises findings, hands them in and closes them', async () => {
    const doc = renameStep(copy('security-inspection', 'security-inspection', 2), 'inspection', 'onSiteCheck');
    const id = await inspectionRound(await h.publish(doc), '2027秋季');
    expect((await h.view(id)).data.rectificationDays).toBe(5);
    const rows = () =>
      h.sql(
        sql`select item_code, status, case when rectified_at is not null then 1 else 0 end as handed from findings where instance_id = ${id} order by item_code`,
      );
    expect(await rows()).toEqual([
      { item_code: 'DATA-01', status: 'open', handed: 0 },
      { item_code: 'HOST-01', status: 'open', handed: 0 },
    ]);
    expect((await handInRectification(h, id)).status).toBe(200);
    expect(await rows()).toEqual([
      { item_code: 'DATA-01', status: 'open', handed: 1 },
      { item_code: 'HOST-01', status: 'open', handed: 1 },
    ]);
    expect((await h.fire(id, 'inspector', 'APPROVE', { comment: '整改到位' })).status).toBe(200);
    expect(await rows()).toEqual([
      { item_code: 'DATA-01', status: 'closed', handed: 1 },
      { item_code: 'HOST-01', status: 'closed', handed: 1 },
    ]);
  });

  it('a copy of the award under a new key assigns experts with 回避, and refuses an expert named by hand from the submitting group', async () => {
    const defId = await h.publish(renameStep(copy('teaching-award', 'quality-course-2027'), 'expertReview', 'scoring'));
    const start = async (title: string) => {
      const res = await h.post(
        '/api/instances',
        {
          definitionId: defId,
          subjectOrgId: h.orgs.schoolA,
          data: {
            category: 'course',
            title,
            completers: [{ name: '李老师', unit: '实验小学' }],
            practiceYears: 2,
            summaryReport: '精品课建设总结',
          },
        },
        await h.as('teacherA'),
      );
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect((await h.fire(id, 'principalA', 'RECOMMEND')).status).toBe(200);
      return id;
    };
    const named = await start('跨学科主题学习精品课');
    // expertA2 works at 实验小学分校, in the submitting school's group: 回避 refuses them by name.
    const refused = await h.fire(named, 'reviewer1', 'PASS', {
      data: { experts: [h.users.expertA2, h.users.expertB, h.users.expertD] },
    });
    expect(refused.status).toBe(422);
    const error = (await refused.json()).error;
    expect(error).toMatchObject({ code: 'GUARD_FAILED', rule: 'notConflicted' });
    expect(error.message['zh-CN']).toContain('expertA2');
    expect(error.fieldErrors.experts).toBeDefined();
    expect((await h.view(named)).state).toBe('preliminary');

    const auto = await start('劳动教育精品课');
    expect((await h.fire(auto, 'reviewer1', 'PASS')).status).toBe(200);
    const v = await h.view(auto);
    expect(v.state).toBe('scoring');
    expect([...(v.data.experts as string[])].sort()).toEqual([h.users.expert, h.users.expertB, h.users.expertD].sort());
    for (const [who, score] of [
      ['expert', 80],
      ['expertB', 84],
      ['expertD', 88],
    ] as const)
      expect((await h.fire(auto, who, 'SUBMIT_PART', { data: { score } })).status).toBe(200);
    expect((await h.fire(auto, 'reviewer1', 'RANK')).status).toBe(200);
    expect((await h.fire(auto, 'reviewer1', 'PUBLISH')).status).toBe(200);
    // The renamed scoring step still feeds the trimmed mean; the level comes from the rubric's course quotas.
    expect((await h.view(auto)).data).toMatchObject({ finalScore: 84, level: expect.any(String) });
    const report = await (
      await h.get(
        `/api/reports/teaching-award?year=${h.clock.now().toISOString().slice(0, 4)}`,
        await h.as('reviewer1'),
      )
    ).json();
    expect(report.ranking.find((c: { category: string }) => c.category === 'course')?.items[0]).toMatchObject({
      title: '劳动教育精品课',
      score: 84,
    });
  });

  it('a copy of 进校园 keeps the rule set: refusals name their rule; a rule the copy switches off no longer refuses', async () => {
    const strict = await h.publish(copy('campus-entry', 'campus-entry-strict'));
    const lenientDoc = copy('campus-entry', 'campus-entry-lenient');
    const block = ((lenientDoc.states as Json).autoCheck as { blocks: Array<{ params: Json }> }).blocks[0];
    block.params.rules = [
      'onWhitelist',
      'inWindow',
      'notCommercial',
      'schoolCap',
      'itemFrequency',
      'inScope',
      'emergencyApproved',
    ];
    const lenient = await h.publish(lenientDoc);
    // Filed a week ahead: the whitelist asks for 30 days (leadTime).
    const soon = new Date(h.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const request = async (definitionId: string) =>
      h.post(
        '/api/instances',
        {
          definitionId,
          subjectOrgId: h.orgs.district,
          data: { itemCode: 'KP-01', title: '科普进校园', activityDate: soon, schoolIds: [h.orgs.schoolB] },
        },
        await h.as('outside'),
      );
    const late = await (await request(strict)).json();
    expect(late.state).toBe('refused');
    const history = (await (await h.get(`/api/instances/${late.id}/history`, await h.as('admin'))).json()).items;
    expect(history[0].meta.refusals.map((r: { rule: string }) => r.rule)).toContain('leadTime');
    const passed = await (await request(lenient)).json();
    expect(passed.state).toBe('bureauReview');
  });

  it('a copy that renames the 商业性质 question keeps 非商业 once its rule set reads the new field; left reading the old one, the draft is refused', async () => {
    // Renamed everywhere the document names it: the start form and the rule set's parameter.
    const renamed = (as: string) =>
      JSON.parse(JSON.stringify(copy('campus-entry', as)).replaceAll('"commercial"', '"forProfit"')) as Json;
    const ruleSet = (doc: Json) => ((doc.states as Json).autoCheck as { blocks: Array<{ params: Json }> }).blocks[0];
    // Renamed on the form only: the rule set would read a question that is gone.
    const staleDoc = renamed('campus-entry-stale');
    ruleSet(staleDoc).params.commercialField = 'commercial';
    const stale = await h.post('/api/definitions', { definition: staleDoc }, await h.as('admin'));
    expect(stale.status).toBe(422);
    const refused = JSON.stringify(await stale.json());
    expect(refused).toContain('states.autoCheck.blocks.0.params.commercialField');
    expect(refused).toContain('字段「commercial」未在任何表单中定义');

    const doc = renamed('campus-entry-for-profit');
    expect(ruleSet(doc).params.commercialField).toBe('forProfit');
    const definitionId = await h.publish(doc);
    const later = new Date(h.clock.now().getTime() + 40 * 86_400_000).toISOString().slice(0, 10);
    const filed = await (
      await h.post(
        '/api/instances',
        {
          definitionId,
          subjectOrgId: h.orgs.district,
          data: {
            itemCode: 'KP-01',
            title: '科普展销',
            activityDate: later,
            schoolIds: [h.orgs.schoolB],
            forProfit: true,
          },
        },
        await h.as('outside'),
      )
    ).json();
    expect(filed.state).toBe('refused');
    const history = (await (await h.get(`/api/instances/${filed.id}/history`, await h.as('admin'))).json()).items;
    expect(history[0].meta.refusals.map((r: { rule: string }) => r.rule)).toContain('notCommercial');
  });

  it('a version published before the rule set had to read 是否商业性质 keeps taking requests', async () => {
    const definitionId = await h.publish(copy('campus-entry', 'campus-entry-before-check'));
    // Its stored document as it was published then: no commercial question on the start form.
    const body = copy('campus-entry', 'campus-entry-before-check');
    const start = body.startForm as { fields: Array<{ name: string }> };
    start.fields = start.fields.filter((f) => f.name !== 'commercial');
    await tx(h.deps.db, () => h.deps.db.update(definitions).set({ body }).where(eq(definitions.id, definitionId)));
    const later = new Date(h.clock.now().getTime() + 40 * 86_400_000).toISOString().slice(0, 10);
    const res = await h.post(
      '/api/instances',
      {
        definitionId,
        subjectOrgId: h.orgs.district,
        data: { itemCode: 'KP-01', title: '科普讲座', activityDate: later, schoolIds: [h.orgs.schoolA] },
      },
      await h.as('outside'),
    );
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  });

  it('publishing a version that drops a block asks for confirmation first, naming the block', async () => {
    const doc = copy('teaching-award', 'teaching-award', 5);
    delete ((doc.states as Json).preliminary as { on: { PASS: Json } }).on.PASS.blocks;
    const admin = await h.as('admin');
    const draft = await (await h.post('/api/definitions', { definition: doc }, admin)).json();
    const check = await (await h.get(`/api/definitions/${draft.id}/publish-check`, admin)).json();
    expect(check.needsConfirmation).toBe(true);
    expect(check.droppedBlocks.map((c: { change: string; target: string }) => [c.change, c.target])).toEqual([
      ['removed', 'action:preliminary.PASS:assignExperts'],
    ]);
    const reviewer = await h.as('reviewer1');
    const refused = await h.post(`/api/definitions/${draft.id}/publish`, undefined, reviewer);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message['zh-CN']).toContain('分配评审专家（回避）');
    expect((await h.post(`/api/definitions/${draft.id}/publish?confirm=1`, undefined, reviewer)).status).toBe(200);
    const [audit] = (await h.sql(
      sql`select meta from audit_events where action = 'definition.publish' and entity_id = ${draft.id} and outcome = 'success'`,
    )) as Array<{ meta: string }>;
    expect(JSON.parse(audit?.meta ?? '{}').confirmed.droppedBlocks).toEqual(['action:preliminary.PASS:assignExperts']);
  });
});
