import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents, instances, tasks, timers } from '../../db/schema.js';
import schoolReport from '../../test/fixtures/school-report.json' with { type: 'json' };
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let admin: Session, principal: Session, reviewer1: Session;
beforeAll(async () => {
  h = await makeHarness();
  [admin, principal, reviewer1] = await Promise.all(['admin', 'principalA', 'reviewer1'].map((u) => h.signIn(u)));
});
afterAll(() => h.close());

const put = (path: string, body: unknown, s: Session) =>
  h.app.request(path, {
    method: 'PUT',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const clone = <T>(o: T): T => structuredClone(o);

describe('draft editing and publishing', () => {
  it('saves a half-built draft with its errors, refuses a stale save (409) and refuses to publish it (422 with the errors)', async () => {
    const created = await (
      await h.post('/api/definitions', { definition: { ...schoolReport, key: 'half-built' } }, admin)
    ).json();
    expect(created.revision).toBe(1);
    const broken = clone({ ...schoolReport, key: 'half-built' });
    broken.states.review.on.APPROVE.to = 'nowhere';
    const saved = await put(`/api/definitions/${created.id}`, { definition: broken, expectedRevision: 1 }, admin);
    expect(saved.status).toBe(200);
    const body = await saved.json();
    expect(body.revision).toBe(2);
    expect(body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'states.review.on.APPROVE', code: 'UNKNOWN_STATE' })]),
    );

    const stale = await put(`/api/definitions/${created.id}`, { definition: schoolReport, expectedRevision: 1 }, admin);
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('VERSION_CONFLICT');

    // Published by someone who did not edit it (four eyes), so the answer is about the document.
    const publish = await h.post(`/api/definitions/${created.id}/publish`, undefined, reviewer1);
    expect(publish.status).toBe(422);
    const err = (await publish.json()).error;
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fieldErrors)).toContain('states.review.on.APPROVE');
    expect(err.message['zh-CN']).toMatch(/修正后才能发布/);

    // A key change would break per-key versions: refused with a message on `key`.
    const rekey = await put(
      `/api/definitions/${created.id}`,
      { definition: { ...schoolReport, key: 'other' }, expectedRevision: 2 },
      admin,
    );
    expect(rekey.status).toBe(422);
    expect((await rekey.json()).error.fieldErrors.key['zh-CN']).toBeTruthy();

    // Fixed, it publishes; then it is immutable.
    const fixed = await put(
      `/api/definitions/${created.id}`,
      { definition: { ...schoolReport, key: 'half-built' }, expectedRevision: 2 },
      admin,
    );
    expect((await fixed.json()).errors).toEqual([]);
    expect((await h.post(`/api/definitions/${created.id}/publish`, undefined, reviewer1)).status).toBe(200);
    const late = await put(`/api/definitions/${created.id}`, { definition: schoolReport, expectedRevision: 3 }, admin);
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('DEFINITION_PUBLISHED');
  });

  it('only the bureau admin edits drafts; a principal cannot even see one (404)', async () => {
    const created = await (
      await h.post('/api/definitions', { definition: { ...schoolReport, key: 'guarded' } }, admin)
    ).json();
    expect(
      (await put(`/api/definitions/${created.id}`, { definition: schoolReport, expectedRevision: 1 }, principal))
        .status,
    ).toBe(404);
    expect(
      (await put(`/api/definitions/${created.id}`, { definition: schoolReport, expectedRevision: 1 }, reviewer1))
        .status,
    ).toBe(403);
  });

  it('clones a built-in template as a new workflow and exports a definition as a JSON file', async () => {
    const res = await h.post(
      '/api/definitions/clone',
      { template: 'security-inspection', key: 'security-copy', name: { 'zh-CN': '安全检查副本', en: 'Security copy' } },
      admin,
    );
    expect(res.status).toBe(201);
    const copy = await res.json();
    expect(copy).toMatchObject({
      key: 'security-copy',
      version: 1,
      status: 'draft',
      name: { 'zh-CN': '安全检查副本' },
    });
    expect((await h.post('/api/definitions/clone', { template: 'no-such' }, admin)).status).toBe(422);
    const file = await h.get(`/api/definitions/${copy.id}/export`, admin);
    expect(file.headers.get('content-disposition')).toContain('security-copy-v1.json');
    expect(JSON.parse(await file.text()).states.selfCheck.kind).toBe('task');
  });
});

describe('diff between versions', () => {
  it('names the steps added and renamed, actions, fields and deadlines changed', async () => {
    const v1 = await h.publish({ ...schoolReport, key: 'diffed' });
    const draft = await (await h.post('/api/definitions/clone', { definitionId: v1 }, admin)).json();
    expect(draft.version).toBe(2);
    const { draft: d, review } = schoolReport.states;
    const next = {
      ...schoolReport,
      key: 'diffed',
      states: {
        ...schoolReport.states,
        draft: {
          ...d,
          name: { 'zh-CN': '学校自查填报', en: 'School self-report' },
          deadline: { workdays: 8, remindBefore: 2 },
          form: { fields: [{ name: 'hours', type: 'number', label: { 'zh-CN': '服务时长', en: 'Hours' }, min: 0 }] },
        },
        review: { ...review, on: { ...review.on, APPROVE: { to: 'decision' } } },
        decision: {
          kind: 'task',
          name: { 'zh-CN': '教委决定', en: 'Bureau decision' },
          actors: [{ role: 'bureauReviewer', scope: 'district' }],
          on: { DECIDE: { to: 'done', label: { 'zh-CN': '作出决定', en: 'Decide' } } },
        },
      },
    };
    await put(`/api/definitions/${draft.id}`, { definition: next, expectedRevision: 1 }, admin);
    const diff = await (await h.get(`/api/definitions/${draft.id}/diff`, admin)).json();
    expect(diff.from.id).toBe(v1);
    const texts = diff.changes.map((c: { text: { 'zh-CN': string } }) => c.text['zh-CN']);
    expect(texts).toEqual(
      expect.arrayContaining([
        '新增环节「教委决定」（task）',
        '环节「学校填报」更名为「学校自查填报」',
        '环节「学校自查填报」的办理时限已修改',
        '「学校自查填报」新增字段「服务时长」',
        expect.stringMatching(/^环节「教委会签」的操作「APPROVE」已修改（to）$/),
      ]),
    );
    expect(
      diff.changes.find((c: { kind: string; target: string }) => c.kind === 'state' && c.target === 'decision'),
    ).toMatchObject({ change: 'added' });
  });
});

describe('migration of running instances', () => {
  it('a dry run lists per instance what would happen, and the migration does exactly that', async () => {
    const v1 = await h.publish({ ...schoolReport, key: 'migrated' });
    const start = async () =>
      (
        await (
          await h.post(
            '/api/instances',
            { definitionId: v1, subjectOrgId: h.orgs.schoolA, data: { title: '课后服务' } },
            principal,
          )
        ).json()
      ).id as string;
    const atDraft = await start();
    const atReview = await start();
    const r = await h.post(`/api/instances/${atReview}/events`, { type: 'SUBMIT', expectedVersion: 1 }, principal);
    expect(r.status).toBe(200);

    // v2: the school step is split from a new bureau check; review is renamed `signoff`.
    const { review, ...kept } = schoolReport.states;
    const v2doc = {
      ...schoolReport,
      key: 'migrated',
      states: { ...kept, draft: { ...kept.draft, on: { SUBMIT: { to: 'signoff' } } }, signoff: review },
    };
    // 发布 asks first: an instance sits in `review`, which v2 no longer has.
    const draft = await (await h.post('/api/definitions', { definition: { ...v2doc, version: 2 } }, admin)).json();
    const check = await (await h.get(`/api/definitions/${draft.id}/publish-check`, admin)).json();
    expect(check).toMatchObject({
      needsConfirmation: true,
      droppedBlocks: [],
      strandedSteps: [{ state: 'review', running: 1 }],
    });
    // Another bureau account approves it (四眼原则), and is asked first.
    const unconfirmed = await h.post(`/api/definitions/${draft.id}/publish`, undefined, reviewer1);
    expect(unconfirmed.status).toBe(409);
    const refusal = (await unconfirmed.json()).error;
    expect(refusal.code).toBe('CONFIRMATION_REQUIRED');
    expect(refusal.message['zh-CN']).toContain('迁移实例');
    expect((await (await h.get(`/api/definitions/${draft.id}`, admin)).json()).status).toBe('draft');
    expect((await h.post(`/api/definitions/${draft.id}/publish?confirm=1`, undefined, reviewer1)).status).toBe(200);
    const v2: string = draft.id;
    const mapping = { draft: 'draft', review: 'signoff' };

    const dry = await (
      await h.post(`/api/definitions/${v2}/migrations`, { fromDefinitionId: v1, mapping }, admin)
    ).json();
    expect(dry, JSON.stringify(dry.items.map((i: { refusal?: unknown }) => i.refusal))).toMatchObject({
      dryRun: true,
      migrated: 0,
      refused: 0,
    });
    const planned = Object.fromEntries(dry.items.map((i: { instanceId: string }) => [i.instanceId, i]));
    expect(planned[atDraft]).toMatchObject({
      ok: true,
      toState: 'draft',
      closeTasks: ['draft:1'],
      openTasks: [{ taskKey: 'draft:2', state: 'draft', purpose: 'act' }],
    });
    expect(planned[atReview].toState).toBe('signoff');
    expect(planned[atReview].openTasks).toHaveLength(2); // both bureau reviewers, all-of
    // Nothing moved yet.
    expect((await h.db.select().from(instances).where(eq(instances.id, atDraft)).limit(1))[0]?.definitionId).toBe(v1);

    const done = await (
      await h.post(`/api/definitions/${v2}/migrations`, { fromDefinitionId: v1, mapping, dryRun: false }, admin)
    ).json();
    expect(done).toMatchObject({ dryRun: false, migrated: 2, refused: 0 });
    expect(done.items).toEqual(dry.items);
    for (const item of dry.items) {
      const row = (await h.db.select().from(instances).where(eq(instances.id, item.instanceId)).limit(1))[0];
      expect(row).toMatchObject({ definitionId: v2, state: item.toState, status: item.status });
      const open = await h.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.instanceId, item.instanceId), eq(tasks.status, 'open')));
      expect(open.map((t) => t.taskKey).sort()).toEqual(
        item.openTasks.map((t: { taskKey: string }) => t.taskKey).sort(),
      );
      const closed = await h.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.instanceId, item.instanceId), eq(tasks.outcome, 'MIGRATED')));
      expect(closed.map((t) => t.taskKey).sort()).toEqual([...item.closeTasks].sort());
      const live = (await h.db.select().from(timers).where(eq(timers.instanceId, item.instanceId))).filter(
        (t) => !t.cancelledAt && !t.firedAt,
      );
      expect(live.map((t) => t.timerKey).sort()).toEqual([...item.timers].sort());
    }
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'instance.migrate'), eq(auditEvents.entityId, atReview)));
    expect(audit).toHaveLength(1);

    // The migrated instance runs on v2: both reviewers approve and it completes.
    const view = await (await h.get(`/api/instances/${atReview}`, reviewer1)).json();
    expect(view.definition.version).toBe(2);
    expect(
      (await h.post(`/api/instances/${atReview}/events`, { type: 'APPROVE', expectedVersion: view.version }, reviewer1))
        .status,
    ).toBe(200);
  });

  it('refuses instances whose state has no mapping, and leaves them where they are', async () => {
    const v1 = await h.publish({ ...schoolReport, key: 'unmapped' });
    const id = (
      await (
        await h.post(
          '/api/instances',
          { definitionId: v1, subjectOrgId: h.orgs.schoolA, data: { title: 't' } },
          principal,
        )
      ).json()
    ).id;
    const v2 = await h.publish({ ...schoolReport, key: 'unmapped' });
    const res = await (
      await h.post(
        `/api/definitions/${v2}/migrations`,
        { fromDefinitionId: v1, mapping: { review: 'review' }, dryRun: false },
        admin,
      )
    ).json();
    expect(res).toMatchObject({ migrated: 0, refused: 1 });
    expect(res.items[0]).toMatchObject({ instanceId: id, ok: false, refusal: { code: 'UNMAPPED_STATE' } });
    expect((await h.db.select().from(instances).where(eq(instances.id, id)).limit(1))[0]?.definitionId).toBe(v1);
    // A review whose people cannot be found (no expert holds the role at the school) is refused too.
    const { review, ...rest } = schoolReport.states;
    const v3 = await h.publish({
      ...schoolReport,
      key: 'unmapped',
      states: { ...rest, review: { ...review, assignees: { role: 'expert', scope: 'subject.school' } } },
    });
    const nobody = await (
      await h.post(`/api/definitions/${v3}/migrations`, { fromDefinitionId: v1, mapping: { draft: 'review' } }, admin)
    ).json();
    expect(nobody.items[0]).toMatchObject({ ok: false, refusal: { code: 'NO_PEOPLE' } });
    expect(nobody.items[0].refusal.message['zh-CN']).toContain('没有可办理的人员');
    // Data the new version's fields cannot hold (the title became a number) is refused, naming the field.
    const v4 = await h.publish({
      ...schoolReport,
      key: 'unmapped',
      startForm: { fields: [{ ...schoolReport.startForm.fields[0], type: 'number' }] },
    });
    const retyped = await (
      await h.post(`/api/definitions/${v4}/migrations`, { fromDefinitionId: v1, mapping: { draft: 'draft' } }, admin)
    ).json();
    expect(retyped.items[0]).toMatchObject({ ok: false, refusal: { code: 'VALIDATION' } });
    expect(retyped.items[0].refusal.message.en).toContain('title');
    // Wrong direction or another workflow: 422.
    expect(
      (await h.post(`/api/definitions/${v1}/migrations`, { fromDefinitionId: v2, mapping: {} }, admin)).status,
    ).toBe(422);
  });
});
