import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TEMPLATES } from '../../engine.js';
import { uploadEvidence } from '../../test/evidence-upload.js';
import { PASSWORD } from '../../test/harness.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { createUser } from '../users/create-user.js';

/**
 * Issue 10.1, 评审保密: from the experts' assignment until the results are published (公示), the submitting
 * side — the author, their principal, their group lead — learns neither who the experts are nor who has
 * scored, in any answer: the instance, its history, lists, exports, notifications, files. They see
 * progress under labels (评审专家 1, 2, 3). Experts see their own part; the bureau and the auditor see all.
 */
let h: WorkflowHarness;
let id: string;
const NAMES: Record<string, string> = { expert: '孙丽华', expertB: '吴海峰', expertD: '郑敏', expertA2: '钱卫国' };
const EXPERTS = ['expert', 'expertB', 'expertD'];

const SUBMITTING = ['teacherA', 'principalA', 'lead1'];
/**
 * Cannot read the submission at all: another school's principal (same group and not), the expert 回避 kept
 * out, an eligible expert not chosen, the inspector, an outside body.
 */
const OUTSIDERS = ['principalA2', 'principalB', 'expertA2', 'expertX', 'inspector', 'outside'];
const OVERSIGHT = ['admin', 'reviewer1', 'reviewer2', 'auditor'];
const EVERYONE = [...SUBMITTING, ...OUTSIDERS, 'expert', ...OVERSIGHT];

const submission = (title: string) => ({
  category: 'achievement',
  title,
  completers: [{ name: '张老师', unit: '实验小学' }],
  practiceYears: 3,
  summaryReport: '三年实践总结',
});
/** Every way an expert of the submission could be named: ids, usernames, display names, the names in their files. */
const secrets = (who = EXPERTS) => who.flatMap((u) => [h.users[u]!, NAMES[u]!, ...(u === 'expert' ? [] : [u])]);
const leaked = (text: string, who = EXPERTS) => secrets(who).filter((s) => text.includes(s));

type Event = {
  actorId: string | null;
  actorName: string | null;
  actorAlias?: { role: string; n: number };
  action: string;
  meta: Record<string, unknown> | null;
  hash: string;
};
const json = async (res: Response) => ({ status: res.status, body: res.status === 200 ? await res.json() : null });
const read = async (who: string, path: string) => json(await h.get(path, await h.as(who)));
const history = async (who: string) => ((await read(who, `/api/instances/${id}/history`)).body?.items ?? []) as Event[];
const files = async (who: string) =>
  ((await read(who, `/api/attachments?instanceId=${id}&limit=100`)).body?.items ?? []) as Array<{
    id: string;
    name: string;
    uploadedBy: string;
  }>;
const sheets: Record<string, string> = {};

async function workbookText(res: Response): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const out: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void out.push(String(cell.value ?? '')))));
  return out.join('\n');
}

async function scoreSheet(who: string) {
  const res = await uploadEvidence(h, id, who, 'scoreSheet', `${NAMES[who]}评分表.png`);
  expect(res.status, await res.clone().text()).toBe(201);
  sheets[who] = ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  h = await makeWorkflowHarness();
  // Real-looking names, stored before anyone acts: the audit trail keeps the name an actor had then.
  for (const [u, name] of Object.entries(NAMES))
    await h.sql(sql`update users set display_name = ${name} where id = ${h.users[u]}`);
  const started = await h.start('teacherA', 'teaching-award', h.orgs.schoolA, submission('项目式学习重构科学课堂'));
  expect(started.status, await started.clone().text()).toBe(201);
  id = ((await started.json()) as { id: string }).id;
  expect((await uploadEvidence(h, id, 'teacherA', 'evidence', '成果佐证.png')).status).toBe(201);
  expect((await h.fire(id, 'principalA', 'RECOMMEND')).status).toBe(200);
  const pass = await h.fire(id, 'reviewer1', 'PASS', { comment: '形式审查通过' });
  expect(pass.status, await pass.clone().text()).toBe(200);
  expect([...((await h.view(id)).data.experts as string[])].sort()).toEqual(EXPERTS.map((u) => h.users[u]).sort());
  // An expert who joins the pool after the choice: eligible, not assigned.
  h.users.expertX = (
    await createUser(h.deps, {
      username: 'expertX',
      displayName: '冯专家',
      password: PASSWORD,
      roles: [{ role: 'expert', orgId: h.orgs.district }],
    })
  ).id;
  // Two experts score and leave a score sheet; the third copies the author in (抄送) before scoring.
  for (const [who, score] of [
    ['expert', 88],
    ['expertB', 90],
  ] as const) {
    await scoreSheet(who);
    expect((await h.fire(id, who, 'SUBMIT_PART', { data: { score }, comment: `${NAMES[who]}：创新性强` })).status).toBe(
      200,
    );
  }
  const copied = await h.fire(id, 'expertD', 'COPY_TO', { data: { to: [h.users.teacherA] }, comment: '请申报人知悉' });
  expect(copied.status, await copied.clone().text()).toBe(200);
});
afterAll(() => h.close());

describe('while the experts score', () => {
  it.each(SUBMITTING)('%s (submitting side) sees three anonymous experts and two scores in, never who', async (who) => {
    const view = await read(who, `/api/instances/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.data.experts).toBeUndefined();
    expect(view.body.assignments).toEqual([{ role: 'expert', userIds: [], anonymous: 3 }]);
    expect(leaked(JSON.stringify(view.body))).toEqual([]);

    const trail = await history(who);
    expect(leaked(JSON.stringify(trail))).toEqual([]);
    const scored = trail.filter((e) => e.meta?.type === 'SUBMIT_PART');
    expect(scored).toHaveLength(2);
    expect(new Set(scored.map((e) => e.actorName)).size).toBe(2);
    for (const e of scored) {
      expect(e).toMatchObject({ actorId: null, actorAlias: { role: 'expert' }, hash: '' });
      expect(e.actorName).toBe(`评审专家 ${e.actorAlias?.n}`);
    }
    const assigned = trail.find((e) => e.meta?.type === 'PASS');
    expect([...(assigned?.meta?.expertsAssigned as string[])].sort()).toEqual([
      '评审专家 1',
      '评审专家 2',
      '评审专家 3',
    ]);
    // The copy arrived, from an expert the author may not know.
    expect(trail.find((e) => e.meta?.type === 'COPY_TO')?.actorAlias).toMatchObject({ role: 'expert' });

    const listed = await files(who);
    expect(listed.map((f) => f.name)).toEqual(['成果佐证.png']);
    for (const sheet of Object.values(sheets))
      expect((await h.get(`/api/attachments/${sheet}`, await h.as(who))).status).toBe(404);
  });

  it('the expert sees their own part and sheet, the other experts only as a count', async () => {
    const view = await read('expert', `/api/instances/${id}`);
    expect(view.body.data.experts).toBeUndefined();
    expect(view.body.assignments).toEqual([{ role: 'expert', userIds: [h.users.expert], anonymous: 2 }]);
    const others = ['expertB', 'expertD'];
    expect(leaked(JSON.stringify(view.body), others)).toEqual([]);
    const trail = await history('expert');
    expect(leaked(JSON.stringify(trail), others)).toEqual([]);
    expect(trail.filter((e) => e.meta?.type === 'SUBMIT_PART').map((e) => e.actorId)).toEqual([h.users.expert]);
    expect((await files('expert')).map((f) => f.name).sort()).toEqual(['孙丽华评分表.png', '成果佐证.png']);
    expect((await h.get(`/api/attachments/${sheets.expertB}`, await h.as('expert'))).status).toBe(404);
    expect((await h.get(`/api/attachments/${sheets.expert}`, await h.as('expert'))).status).toBe(200);
  });

  it.each(OUTSIDERS)('%s may not read the submission at all', async (who) => {
    for (const path of [
      `/api/instances/${id}`,
      `/api/instances/${id}/history`,
      `/api/attachments?instanceId=${id}`,
      `/api/attachments/${sheets.expert}`,
    ]) {
      expect((await h.get(path, await h.as(who))).status, path).toBe(404);
    }
  });

  it.each(OVERSIGHT)('%s (bureau, auditor) sees every expert, score and sheet', async (who) => {
    const view = await read(who, `/api/instances/${id}`);
    expect([...(view.body.data.experts as string[])].sort()).toEqual(EXPERTS.map((u) => h.users[u]).sort());
    expect(view.body.assignments).toEqual([{ role: 'expert', userIds: view.body.data.experts }]);
    const trail = await history(who);
    expect(trail.filter((e) => e.meta?.type === 'SUBMIT_PART').map((e) => e.actorName)).toEqual(['孙丽华', '吴海峰']);
    expect(trail.every((e) => e.hash.length === 64 && !e.actorAlias)).toBe(true);
    expect((await files(who)).map((f) => f.name).sort()).toEqual([
      '吴海峰评分表.png',
      '孙丽华评分表.png',
      '成果佐证.png',
    ]);
    expect((await h.get(`/api/attachments/${sheets.expertB}`, await h.as(who))).status).toBe(200);
  });

  it.each(EVERYONE)(
    '%s: the instance list, the exports and the notifications name no expert to anyone who may not know them',
    async (who) => {
      const mayKnow = OVERSIGHT.includes(who) ? EXPERTS : who === 'expert' ? ['expert'] : [];
      const hidden = EXPERTS.filter((u) => !mayKnow.includes(u));
      const list = await read(who, '/api/instances?limit=100');
      expect(list.body.items.some((i: { id: string }) => i.id === id)).toBe(!OUTSIDERS.includes(who));
      expect(leaked(JSON.stringify(list.body), hidden)).toEqual([]);
      const notes = await read(who, '/api/notifications?limit=100');
      expect(
        leaked(
          JSON.stringify(notes.body),
          EXPERTS.filter((u) => u !== who),
        ),
      ).toEqual([]);
      if (who === 'teacherA')
        expect(
          notes.body.items.map((n: { kind: string; instanceId: string }) => [n.kind, n.instanceId]),
        ).toContainEqual(['copy', id]);
      for (const file of ['instances.xlsx', 'tasks.xlsx', 'teaching-award.xlsx?year=2026']) {
        const res = await h.get(`/api/exports/${file}`, await h.as(who));
        if (res.status !== 200) continue;
        const text = await workbookText(res);
        expect(leaked(text, hidden), file).toEqual([]);
        if (OUTSIDERS.includes(who)) expect(text, file).not.toContain(id);
      }
    },
  );
});

describe('while the bureau ranks', () => {
  it('the submitting side still sees three anonymous scores', async () => {
    expect((await h.fire(id, 'expertD', 'SUBMIT_PART', { data: { score: 60 } })).status).toBe(200);
    expect((await h.fire(id, 'reviewer1', 'RANK')).status).toBe(200);
    for (const who of SUBMITTING) {
      const view = await read(who, `/api/instances/${id}`);
      expect(view.body.stateKind).toBe('task');
      expect(leaked(JSON.stringify(view.body))).toEqual([]);
      const trail = await history(who);
      expect(leaked(JSON.stringify(trail))).toEqual([]);
      expect(
        trail
          .filter((e) => e.meta?.type === 'SUBMIT_PART')
          .map((e) => e.actorName)
          .sort(),
      ).toEqual(['评审专家 1', '评审专家 2', '评审专家 3']);
    }
  });
});

describe('after the results are published (公示)', () => {
  it('the submitting side may see who reviewed, as the definition shows it', async () => {
    const published = await h.fire(id, 'reviewer1', 'PUBLISH');
    expect(published.status, await published.clone().text()).toBe(200);
    expect((await h.view(id)).stateKind).toBe('notice');
    for (const who of SUBMITTING) {
      const view = await read(who, `/api/instances/${id}`);
      expect([...(view.body.data.experts as string[])].sort()).toEqual(EXPERTS.map((u) => h.users[u]).sort());
      expect(view.body.assignments).toEqual([{ role: 'expert', userIds: view.body.data.experts }]);
      const trail = await history(who);
      expect(trail.filter((e) => e.meta?.type === 'SUBMIT_PART').map((e) => e.actorId)).toEqual(
        EXPERTS.map((u) => h.users[u]),
      );
      expect(trail.some((e) => e.actorAlias)).toBe(false);
      expect((await files(who)).map((f) => f.name)).toContain('孙丽华评分表.png');
    }
  });
});

describe('a bureau’s copy with its own key and step names', () => {
  it('seals its review the same way', async () => {
    const doc = JSON.parse(
      JSON.stringify(TEMPLATES['teaching-award'])
        .replaceAll('"expertReview"', '"scoring2027"')
        .replaceAll('"preliminary"', '"formalCheck"'),
    ) as Record<string, unknown>;
    const definitionId = await h.publish({ ...doc, key: 'course-award-2027' });
    const started = await h.post(
      '/api/instances',
      { definitionId, subjectOrgId: h.orgs.schoolA, data: submission('复制流程的申报') },
      await h.as('teacherA'),
    );
    const copy = ((await started.json()) as { id: string }).id;
    expect((await h.fire(copy, 'principalA', 'RECOMMEND')).status).toBe(200);
    expect((await h.fire(copy, 'reviewer1', 'PASS')).status).toBe(200);
    // The block draws three of the eligible experts (an earlier test added a fourth): one of those drawn scores.
    const drawn = (await h.view(copy)).data.experts as string[];
    const scorer = Object.keys(h.users).find((u) => drawn.includes(h.users[u] ?? '')) ?? '';
    expect((await h.fire(copy, scorer, 'SUBMIT_PART', { data: { score: 70 } })).status).toBe(200);
    const view = await read('teacherA', `/api/instances/${copy}`);
    expect(view.body.state).toBe('scoring2027');
    expect(view.body.assignments).toEqual([{ role: 'expert', userIds: [], anonymous: 3 }]);
    const trail = await read('teacherA', `/api/instances/${copy}/history`);
    expect(leaked(JSON.stringify([view.body, trail.body]))).toEqual([]);
    expect(trail.body.items.find((e: Event) => e.meta?.type === 'SUBMIT_PART').actorName).toMatch(/^评审专家 [123]$/);
  });
});
