import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents } from '../db/schema.js';
import { CHECKLIST_V1, WHITELIST_2026 } from '../test/fixtures/reference-docs.js';
import schoolReport from '../test/fixtures/school-report.json' with { type: 'json' };
import { type Harness, harnessPasswordHash, makeHarness, type Session } from '../test/harness.js';
import { createUser } from './users/create-user.js';

let h: Harness;
let admin: Session, admin2: Session, reviewer: Session;
beforeAll(async () => {
  h = await makeHarness();
  // A second bureau admin: the one who approves what the first one edits, or edits in turn.
  h.users.admin2 = (
    await createUser(h.deps, {
      username: 'admin2',
      displayName: '李管理',
      passwordHash: await harnessPasswordHash(),
      roles: [{ role: 'bureauAdmin', orgId: h.orgs.district }],
    })
  ).id;
  await h.enrolTotp('admin2');
  [admin, admin2, reviewer] = await Promise.all(['admin', 'admin2', 'reviewer1'].map((u) => h.signIn(u)));
});
afterAll(() => h.close());

const put = (path: string, body: unknown, s: Session) =>
  h.app.request(path, {
    method: 'PUT',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const person = (username: string, displayName = username) => ({ id: h.users[username], displayName });
/** The audit rows of one publish action on one draft, oldest first. */
const publishAudit = async (action: string, entityId: string) =>
  await h.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
    .orderBy(asc(auditEvents.seq));

async function expectFourEyesRefusal(res: Response) {
  expect(res.status).toBe(403);
  const { error } = await res.json();
  expect(error).toMatchObject({ code: 'FOUR_EYES', rule: 'fourEyes' });
  expect(error.message['zh-CN']).toContain('您编辑过此草稿，须由其他教委管理员或教委科室审核人审核发布');
  expect(error.message.en).toContain('another bureau admin or a bureau reviewer');
}

describe('four eyes on workflow definitions', () => {
  it('the admin who drafted it is refused (audited, naming the editors); a bureau reviewer publishes, the audit naming both', async () => {
    const draft = await (
      await h.post('/api/definitions', { definition: { ...schoolReport, key: 'four-eyes-a' } }, admin)
    ).json();
    expect(draft).toMatchObject({ editors: [person('admin')], publishedBy: null });

    await expectFourEyesRefusal(await h.post(`/api/definitions/${draft.id}/publish`, undefined, admin));
    expect((await (await h.get(`/api/definitions/${draft.id}`, admin)).json()).status).toBe('draft');
    const [denied] = await publishAudit('definition.publish', draft.id);
    expect(denied).toMatchObject({
      actorId: h.users.admin,
      outcome: 'denied',
      meta: { reason: 'FOUR_EYES', rule: 'fourEyes', permission: 'publish', editors: [person('admin')] },
    });

    const ok = await h.post(`/api/definitions/${draft.id}/publish`, undefined, reviewer);
    expect(ok.status, JSON.stringify(await ok.clone().json())).toBe(200);
    expect(await ok.json()).toMatchObject({
      status: 'published',
      editors: [person('admin')],
      publishedBy: person('reviewer1'),
    });
    const success = (await publishAudit('definition.publish', draft.id)).at(-1);
    expect(success).toMatchObject({
      actorId: h.users.reviewer1,
      outcome: 'success',
      meta: { editors: [person('admin')], approvedBy: person('reviewer1') },
    });
    // What the designer reads afterwards: who edited it and who approved it.
    expect(await (await h.get(`/api/definitions/${draft.id}`, admin2)).json()).toMatchObject({
      editors: [person('admin')],
      publishedBy: person('reviewer1'),
    });
  });

  it('everyone who saved the draft is an editor: the creator and a second admin who edited it are both refused; a reviewer publishes', async () => {
    const draft = await (
      await h.post('/api/definitions', { definition: { ...schoolReport, key: 'four-eyes-b' } }, admin)
    ).json();
    const renamed = {
      ...schoolReport,
      key: 'four-eyes-b',
      name: { 'zh-CN': '学校填报（修订）', en: 'School report (revised)' },
    };
    const saved = await put(`/api/definitions/${draft.id}`, { definition: renamed, expectedRevision: 1 }, admin2);
    expect(saved.status).toBe(200);
    expect((await saved.json()).editors).toEqual([person('admin'), person('admin2', '李管理')]);

    await expectFourEyesRefusal(await h.post(`/api/definitions/${draft.id}/publish`, undefined, admin));
    await expectFourEyesRefusal(await h.post(`/api/definitions/${draft.id}/publish`, undefined, admin2));
    const denials = await publishAudit('definition.publish', draft.id);
    expect(denials.map((e) => [e.actorId, e.outcome])).toEqual([
      [h.users.admin, 'denied'],
      [h.users.admin2, 'denied'],
    ]);

    expect((await h.post(`/api/definitions/${draft.id}/publish`, undefined, reviewer)).status).toBe(200);
    expect((await publishAudit('definition.publish', draft.id)).at(-1)?.meta).toEqual({
      editors: [person('admin'), person('admin2', '李管理')],
      approvedBy: person('reviewer1'),
    });
  });

  it('another bureau admin who did not touch the draft approves it', async () => {
    const draft = await (
      await h.post('/api/definitions', { definition: { ...schoolReport, key: 'four-eyes-c' } }, admin)
    ).json();
    const ok = await h.post(`/api/definitions/${draft.id}/publish`, undefined, admin2);
    expect(ok.status).toBe(200);
    expect((await publishAudit('definition.publish', draft.id)).at(-1)).toMatchObject({
      outcome: 'success',
      meta: { editors: [person('admin')], approvedBy: person('admin2', '李管理') },
    });
  });

  it('the reviewer approves drafts only: no editing, no new drafts, no instance migration (still the admin’s)', async () => {
    const draft = await (
      await h.post('/api/definitions', { definition: { ...schoolReport, key: 'four-eyes-d' } }, admin)
    ).json();
    expect(
      (await put(`/api/definitions/${draft.id}`, { definition: schoolReport, expectedRevision: 1 }, reviewer)).status,
    ).toBe(403);
    expect((await h.post('/api/definitions', { definition: schoolReport }, reviewer)).status).toBe(403);
    const v1 = await h.publish({ ...schoolReport, key: 'four-eyes-e' });
    const v2 = await h.publish({ ...schoolReport, key: 'four-eyes-e' });
    expect(
      (await h.post(`/api/definitions/${v2}/migrations`, { fromDefinitionId: v1, mapping: {} }, reviewer)).status,
    ).toBe(403);
  });

  it('an editor cannot approve through someone else either: the admin’s power is not lent by a delegation (代岗委托, 三权分立)', async () => {
    const draft = await (
      await h.post('/api/definitions', { definition: { ...schoolReport, key: 'four-eyes-f' } }, admin)
    ).json();
    const now = h.clock.now().getTime();
    const lent = await h.post(
      '/api/delegations',
      {
        toUserId: h.users.teacherA,
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 3 * 86_400_000).toISOString(),
        reason: '外出培训',
      },
      admin,
    );
    expect(lent.status).toBe(201);
    const teacher = await h.signIn('teacherA');
    expect(
      ((await (await h.get('/api/me', teacher)).json()) as { roles: Array<{ role: string }> }).roles.map((g) => g.role),
    ).toEqual(['teacher']);
    // The delegate holds no bureau role at all: the draft is not even visible to them.
    const res = await h.post(`/api/definitions/${draft.id}/publish`, undefined, teacher);
    expect(res.status).toBe(404);
    expect((await publishAudit('definition.publish', draft.id)).at(-1)).toMatchObject({
      actorId: h.users.teacherA,
      outcome: 'denied',
    });
  });
});

describe('four eyes on reference data', () => {
  it('a checklist: its author is refused (audited); a second admin publishes, the audit naming both', async () => {
    const draft = await (
      await h.post(
        '/api/reference/checklists',
        { name: '网络安全检查表（修订）', content: { ...CHECKLIST_V1, key: 'four-eyes' } },
        admin,
      )
    ).json();
    expect(draft).toMatchObject({ status: 'draft', editors: [person('admin')], publishedBy: null });
    await expectFourEyesRefusal(await h.post(`/api/reference/checklists/${draft.id}/publish`, undefined, admin));
    expect(await publishAudit('reference.publish', draft.id)).toEqual([
      expect.objectContaining({
        actorId: h.users.admin,
        outcome: 'denied',
        meta: expect.objectContaining({ reason: 'FOUR_EYES', editors: [person('admin')] }),
      }),
    ]);

    const ok = await h.post(`/api/reference/checklists/${draft.id}/publish`, undefined, admin2);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      status: 'published',
      editors: [person('admin')],
      publishedBy: person('admin2', '李管理'),
    });
    expect((await publishAudit('reference.publish', draft.id)).at(-1)).toMatchObject({
      outcome: 'success',
      meta: { editors: [person('admin')], approvedBy: person('admin2', '李管理') },
    });
  });

  it('a whitelist: a bureau reviewer reads the draft with its author and publishes it; the list says who did what', async () => {
    const draft = await (
      await h.post('/api/reference/whitelists', { name: '2026 白名单', content: WHITELIST_2026 }, admin)
    ).json();
    const drafts = await (await h.get('/api/reference/whitelists?status=draft', reviewer)).json();
    expect(drafts.items).toEqual([
      expect.objectContaining({ id: draft.id, editors: [person('admin')], publishedBy: null }),
    ]);
    // The reviewer still writes nothing of their own.
    expect(
      (await h.post('/api/reference/whitelists', { name: '白名单', content: WHITELIST_2026 }, reviewer)).status,
    ).toBe(403);

    const ok = await h.post(`/api/reference/whitelists/${draft.id}/publish`, undefined, reviewer);
    expect(ok.status).toBe(200);
    const listed = await (await h.get('/api/reference/whitelists', admin)).json();
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: draft.id,
        status: 'published',
        editors: [person('admin')],
        publishedBy: person('reviewer1'),
      }),
    ]);
    expect((await publishAudit('reference.publish', draft.id)).at(-1)).toMatchObject({
      actorId: h.users.reviewer1,
      meta: { editors: [person('admin')], approvedBy: person('reviewer1') },
    });
  });
});
