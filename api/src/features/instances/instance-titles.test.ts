import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { declareTemplateTitles, fillTitles } from '../../bootstrap/fill-titles.js';
import { tx } from '../../db/client.js';
import { auditEvents, definitions, instances } from '../../db/schema.js';
import { TEMPLATES } from '../../engine.js';
import { harnessPasswordHash } from '../../test/harness.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { diffDefinitions } from '../definitions/diff-definitions.js';
import { createOrganisation } from '../orgs/create-organisation.js';
import { createUser } from '../users/create-user.js';

// Issue 12, item 2: an instance is named by what it is, and by who filed it — never "the district · the workflow".
let h: WorkflowHarness;
let kx: string;
let requestId: string;
beforeAll(async () => {
  h = await makeWorkflowHarness();
  kx = (await createOrganisation(h.deps, { type: 'department', name: '区科学技术协会', parentId: h.orgs.district })).id;
  const passwordHash = await harnessPasswordHash();
  h.users.dept = (
    await createUser(h.deps, {
      username: 'dept',
      displayName: '区科协联络员',
      passwordHash,
      roles: [{ role: 'outsideDept', orgId: kx }],
    })
  ).id;
  const res = await h.start('dept', 'campus-entry', h.orgs.district, {
    itemCode: 'KP-01',
    title: '科普大篷车进校园',
    activityDate: '2027-01-12',
    schoolIds: [h.orgs.schoolA2],
    teacherHours: 1,
  });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  requestId = (await res.json()).id;
});
afterAll(() => h.close());

type Row = { id: string; title: { 'zh-CN': string; en: string }; requesterName: string; subjectName: string };
const listed = async (who: string, query = '') =>
  (await (await h.get(`/api/instances?limit=50${query}`, await h.as(who))).json()) as { items: Row[] };

describe('an instance is named by its declared title and its requester', () => {
  it('lists, the page and the inbox show the activity and the department that filed it, not the district', async () => {
    const mine = await listed('dept');
    expect(mine.items.find((r) => r.id === requestId)).toMatchObject({
      title: { 'zh-CN': '科普大篷车进校园' },
      requesterName: '区科学技术协会',
      subjectName: '示范区教委',
    });
    const view = await h.view(requestId, 'dept');
    expect(view).toMatchObject({
      title: { 'zh-CN': '科普大篷车进校园' },
      requester: { orgId: kx, name: '区科学技术协会' },
    });
    const inbox = await (await h.get('/api/tasks', await h.as('reviewer1'))).json();
    expect(inbox.items.find((t: { instanceId: string }) => t.instanceId === requestId)).toMatchObject({
      title: { 'zh-CN': '科普大篷车进校园' },
      requesterName: '区科学技术协会',
    });
    const notices = await (await h.get('/api/notifications', await h.as('reviewer1'))).json();
    const notice = notices.items.find((n: { instanceId: string }) => n.instanceId === requestId);
    expect(notice.title['zh-CN']).toBe('【新待办】科普大篷车进校园 · 教委审核 · 区科学技术协会');
  });

  it('a school’s submission and a group’s cycle are named by the fields their definitions declare', async () => {
    const award = await h.start('teacherA', 'teaching-award', h.orgs.schoolA, {
      category: 'course',
      title: '小学科学探究课',
      completers: [{ name: 'teacherA', unit: '实验小学' }],
      summaryReport: '探究式教学实践总结',
      practiceYears: 3,
    });
    expect(award.status, JSON.stringify(await award.clone().json())).toBe(201);
    const awardId = (await award.json()).id;
    const row = (await listed('teacherA')).items.find((r) => r.id === awardId);
    expect(row).toMatchObject({ title: { 'zh-CN': '小学科学探究课' }, requesterName: '实验小学' });
    const cycle = await h.start('admin', 'bundled-assessment', h.orgs.group1, {
      cycle: '2027',
      indicatorSystem: 'bundled-2026',
    });
    expect(cycle.status, JSON.stringify(await cycle.clone().json())).toBe(201);
    expect((await h.view((await cycle.json()).id)).title).toEqual({
      'zh-CN': '2027年度捆绑式考核',
      en: '2027 bundled assessment',
    });
  });

  it('follows the data: a revised request’s new title renames it everywhere', async () => {
    expect((await h.fire(requestId, 'reviewer1', 'RETURN', { comment: '请写明面向的年级' })).status).toBe(200);
    expect(
      (await h.fire(requestId, 'dept', 'RESUBMIT', { data: { title: '科普大篷车进校园（五年级）' } })).status,
    ).toBe(200);
    expect(
      (await h.db.select({ title: instances.title }).from(instances).where(eq(instances.id, requestId)).limit(1))[0]
        ?.title?.['zh-CN'],
    ).toBe('科普大篷车进校园（五年级）');
    expect((await listed('dept')).items.find((r) => r.id === requestId)?.title['zh-CN']).toBe(
      '科普大篷车进校园（五年级）',
    );
  });

  it('a bureau’s copy under another key names its instances as its own document declares', async () => {
    const copy = {
      ...TEMPLATES['campus-entry'],
      key: 'district-campus-entry',
      title: { 'zh-CN': '进校园：{title}', en: 'Campus: {title}' },
    };
    const definitionId = await h.publish(copy);
    const res = await h.post(
      '/api/instances',
      {
        definitionId,
        subjectOrgId: h.orgs.district,
        data: { itemCode: 'KP-01', title: '天文观测夜', activityDate: '2027-01-13', schoolIds: [h.orgs.schoolA2] },
      },
      await h.as('dept'),
    );
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    expect((await res.json()).title).toEqual({ 'zh-CN': '进校园：天文观测夜', en: 'Campus: 天文观测夜' });
    // 版本对比 says so.
    expect(diffDefinitions(TEMPLATES['campus-entry'], copy).map((c) => c.text['zh-CN'])).toContain(
      '实例标题改为「进校园：{title}」',
    );
  });

  it('exports carry the title and the requester', async () => {
    const res = await h.get('/api/exports/instances.xlsx', await h.as('dept'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0];
    const header = sheet?.getRow(2).values as unknown[];
    const rows = Array.from({ length: (sheet?.rowCount ?? 2) - 2 }, (_, i) => sheet?.getRow(i + 3).values as unknown[]);
    const titleCol = header.indexOf('名称');
    const requesterCol = header.indexOf('申报单位');
    expect(rows.map((r) => [r[titleCol], r[requesterCol]])).toContainEqual([
      '科普大篷车进校园（五年级）',
      '区科学技术协会',
    ]);
  });
});

describe('searching by title', () => {
  it('finds the caller’s own instances by words of the title, taking % and _ literally', async () => {
    expect((await listed('dept', `&q=${encodeURIComponent('大篷车')}`)).items.map((r) => r.title['zh-CN'])).toEqual([
      '科普大篷车进校园（五年级）',
    ]);
    expect((await listed('dept', `&q=${encodeURIComponent('%')}`)).items).toEqual([]);
    expect((await listed('teacherA', `&mine=1&q=${encodeURIComponent('探究')}`)).items).toHaveLength(1);
  });

  it('over the whole district it asks to narrow first (no scan), and within a school it searches', async () => {
    const res = await h.get(`/api/instances?q=${encodeURIComponent('探究')}`, await h.as('reviewer1'));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fieldErrors.q['zh-CN']).toContain('请先选择学校或教育集团');
    // The district as the organisation narrows nothing.
    expect(
      (await h.get(`/api/instances?orgId=${h.orgs.district}&q=${encodeURIComponent('探究')}`, await h.as('reviewer1')))
        .status,
    ).toBe(422);
    const inSchool = await listed('reviewer1', `&orgId=${h.orgs.schoolA}&q=${encodeURIComponent('探究')}`);
    expect(inSchool.items.map((r) => r.title['zh-CN'])).toEqual(['小学科学探究课']);
  });
});

describe('rows and versions stored before titles', () => {
  it('start-up declares the built-in title on old versions and fills the titles', async () => {
    const defId = h.defs['campus-entry'] ?? '';
    const row = (await h.db.select().from(definitions).where(eq(definitions.id, defId)).limit(1))[0];
    if (!row) throw new Error('no definition');
    const { title: _dropped, ...oldBody } = row.body as Record<string, unknown>;
    await tx(h.db, () => h.db.update(definitions).set({ body: oldBody }).where(eq(definitions.id, defId)));
    await tx(h.db, () => h.db.update(instances).set({ title: null }).where(eq(instances.id, requestId)));

    expect(await declareTemplateTitles(h.deps)).toBe(1);
    expect(await declareTemplateTitles(h.deps)).toBe(0);
    expect(
      (
        (await h.db.select().from(definitions).where(eq(definitions.id, defId)).limit(1))[0]?.body as {
          title?: unknown;
        }
      ).title,
    ).toEqual(TEMPLATES['campus-entry']?.title);
    expect(
      (await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'definition.upgrade'))).map(
        (e) => e.entityId,
      ),
    ).toContain(defId);
    expect(await fillTitles(h.deps)).toBeGreaterThanOrEqual(1);
    expect(
      (await h.db.select({ title: instances.title }).from(instances).where(eq(instances.id, requestId)).limit(1))[0]
        ?.title?.['zh-CN'],
    ).toBe('科普大篷车进校园（五年级）');
    expect(await fillTitles(h.deps)).toBe(0);
  });
});
