import { and, desc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { auditEvents, roleGrants, users } from '../../db/schema.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

/** Issue 10.4 — 三权分立: system admin (bureauAdmin), security admin and auditor are three people. */
let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

type ErrorBody = {
  error: { code: string; message: { 'zh-CN': string; en: string }; fieldErrors?: Record<string, unknown> };
};
type UserItem = {
  id: string;
  username: string;
  version: number;
  disabled: boolean;
  roles: Array<{ role: string; orgId: string }>;
};
type Notice = {
  kind: string;
  title: { 'zh-CN': string; en: string };
  entityType: string | null;
  entityId: string | null;
};

const patch = (id: string, body: unknown, s: Session) =>
  h.app.request(`/api/users/${id}`, {
    method: 'PATCH',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const versionOf = async (id: string) =>
  (await h.db.select({ v: users.version }).from(users).where(eq(users.id, id)).limit(1))[0]?.v ?? 0;
const rolesOf = async (id: string) =>
  (await h.db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, id)))
    .map((g) => g.role)
    .sort();
const notices = async (who = 'auditor') =>
  ((await (await h.get('/api/notifications?kind=security', await h.signIn(who))).json()) as { items: Notice[] }).items;
const error = async (res: Response) => ((await res.json()) as ErrorBody).error;

describe('one account never holds two of the three powers', () => {
  it('refuses to create an admin + auditor account with 422 naming both roles, for the admin and the security admin alike', async () => {
    for (const who of ['admin', 'secadmin']) {
      const res = await h.post(
        '/api/users',
        {
          username: `both-${who}`,
          displayName: '一身二任',
          roles: [
            { role: 'bureauAdmin', orgId: h.orgs.district },
            { role: 'auditor', orgId: h.orgs.district },
          ],
        },
        await h.signIn(who),
      );
      expect(res.status, who).toBe(422);
      const body = await error(res);
      expect(body.code).toBe('SEPARATION_OF_DUTIES');
      expect(body.message['zh-CN']).toBe('三权分立：同一账户不能同时拥有“教委管理员”和“审计员”角色。');
      expect(body.message.en).toBe('Separation of duties: one account cannot hold both bureau admin and auditor.');
      expect(
        (
          await h.db
            .select()
            .from(users)
            .where(eq(users.username, `both-${who}`))
            .limit(1)
        )[0],
      ).toBeUndefined();
    }
  });

  it('refuses a grant that would add a second power, on PATCH and through the role-grant use-case', async () => {
    const sec = await h.signIn('secadmin');
    const res = await patch(
      h.users.auditor ?? '',
      {
        roles: [
          { role: 'auditor', orgId: h.orgs.district },
          { role: 'securityAdmin', orgId: h.orgs.district },
        ],
        expectedVersion: await versionOf(h.users.auditor ?? ''),
      },
      sec,
    );
    expect(res.status).toBe(422);
    expect((await error(res)).message['zh-CN']).toBe('三权分立：同一账户不能同时拥有“安全管理员”和“审计员”角色。');
    const { assignRole } = await import('./assign-role.js');
    await expect(async () =>
      assignRole(h.deps, {
        userId: h.users.admin ?? '',
        role: 'auditor',
        orgId: h.orgs.district,
        actor: await h.authUser('secadmin'),
      }),
    ).rejects.toThrow(/one account cannot hold both bureau admin and auditor/);
    expect(await rolesOf(h.users.auditor ?? '')).toEqual(['auditor']);
    expect(await rolesOf(h.users.admin ?? '')).toEqual(['bureauAdmin']);
  });
});

describe('the system administrator keeps away from the other two powers', () => {
  it('cannot grant itself the auditor role, nor any role to itself', async () => {
    const admin = await h.signIn('admin');
    const self = h.users.admin ?? '';
    const toAuditor = await patch(
      self,
      {
        roles: [
          { role: 'bureauAdmin', orgId: h.orgs.district },
          { role: 'auditor', orgId: h.orgs.district },
        ],
        expectedVersion: await versionOf(self),
      },
      admin,
    );
    expect(toAuditor.status).toBe(422);
    const toReviewer = await patch(
      self,
      {
        roles: [
          { role: 'bureauAdmin', orgId: h.orgs.district },
          { role: 'bureauReviewer', orgId: h.orgs.district },
        ],
        expectedVersion: await versionOf(self),
      },
      admin,
    );
    expect(toReviewer.status).toBe(403);
    expect((await error(toReviewer)).message).toEqual({
      'zh-CN': '不能修改自己的角色。',
      en: 'Nobody can change their own roles.',
    });
    expect(await rolesOf(self)).toEqual(['bureauAdmin']);
  });

  it('cannot create, rename, disable, reset or re-grant the auditor or the security admin, nor grant anyone those roles; keeps the ordinary accounts', async () => {
    const admin = await h.signIn('admin');
    const created = await h.post(
      '/api/users',
      { username: 'auditor2', displayName: '新审计员', roles: [{ role: 'auditor', orgId: h.orgs.district }] },
      admin,
    );
    expect(created.status).toBe(403);
    expect((await error(created)).message['zh-CN']).toContain('由安全管理员管理');
    for (const name of ['auditor', 'secadmin']) {
      const id = h.users[name] ?? '';
      const before = (await h.db.select().from(users).where(eq(users.id, id)).limit(1))[0];
      for (const body of [
        { resetPassword: true },
        { resetTwoFactor: true },
        { disabled: true },
        { displayName: '改名' },
        { roles: [{ role: 'teacher', orgId: h.orgs.schoolA }] },
      ]) {
        const res = await patch(id, { ...body, expectedVersion: await versionOf(id) }, admin);
        expect(res.status, `${name} ${JSON.stringify(body)}`).toBe(403);
        expect((await error(res)).message['zh-CN']).toContain('三权分立');
      }
      expect((await h.db.select().from(users).where(eq(users.id, id)).limit(1))[0]).toEqual(before);
      // …and the one-time password never reached anyone: the old password still signs in.
      expect((await h.signIn(name)).userId).toBe(id);
    }
    for (const role of ['auditor', 'securityAdmin'] as const) {
      const res = await patch(
        h.users.reviewer2 ?? '',
        {
          roles: [
            { role: 'bureauReviewer', orgId: h.orgs.district },
            { role, orgId: h.orgs.district },
          ],
          expectedVersion: await versionOf(h.users.reviewer2 ?? ''),
        },
        admin,
      );
      expect(res.status, role).toBe(403);
      expect((await error(res)).message['zh-CN']).toMatch(/角色只能由安全管理员授予或撤销/);
    }
    expect(await rolesOf(h.users.reviewer2 ?? '')).toEqual(['bureauReviewer']);

    // …while it still keeps the ordinary accounts and their ordinary roles.
    const res = await h.post(
      '/api/users',
      { username: 'teacher9', displayName: '新教师', roles: [{ role: 'teacher', orgId: h.orgs.schoolA }] },
      admin,
    );
    expect(res.status).toBe(201);
    const teacher = (await res.json()) as UserItem;
    expect(
      (
        await patch(
          teacher.id,
          { roles: [{ role: 'principal', orgId: h.orgs.schoolA }], expectedVersion: teacher.version },
          admin,
        )
      ).status,
    ).toBe(200);
  });

  it('cannot import an auditor or a security admin either', async () => {
    const form = new FormData();
    form.set(
      'file',
      new File(
        [
          '\uFEFF用户名,姓名,角色,单位\naud3,审计三,审计员,示范区教委\nsec3,安全三,安全管理员,示范区教委\nteacher3,教师三,教师,实验小学\n',
        ],
        'u.csv',
        { type: 'text/csv' },
      ),
    );
    const admin = await h.signIn('admin');
    const res = await h.app.request('/api/imports/users', {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: form,
    });
    const body = (await res.json()) as {
      created: number;
      errors: Array<{ row: number; field: string; message: { 'zh-CN': string } }>;
    };
    expect(body.created).toBe(0);
    expect(body.errors.map((e) => [e.row, e.field, e.message['zh-CN']])).toEqual([
      [2, 'role', '三权分立：“审计员”角色只能由安全管理员授予或撤销。'],
      [3, 'role', '三权分立：“安全管理员”角色只能由安全管理员授予或撤销。'],
    ]);
  });
});

describe('the security administrator manages role grants and the privileged accounts', () => {
  it('grants and revokes the privileged roles within the rule, creates an auditor, resets and disables privileged accounts', async () => {
    const sec = await h.signIn('secadmin');
    const reviewer2 = h.users.reviewer2 ?? '';
    const granted = await patch(
      reviewer2,
      {
        roles: [
          { role: 'bureauReviewer', orgId: h.orgs.district },
          { role: 'auditor', orgId: h.orgs.district },
        ],
        expectedVersion: await versionOf(reviewer2),
      },
      sec,
    );
    expect(granted.status).toBe(200);
    expect(await rolesOf(reviewer2)).toEqual(['auditor', 'bureauReviewer']);
    const revoked = await patch(
      reviewer2,
      { roles: [{ role: 'bureauReviewer', orgId: h.orgs.district }], expectedVersion: await versionOf(reviewer2) },
      sec,
    );
    expect(revoked.status).toBe(200);
    expect(await rolesOf(reviewer2)).toEqual(['bureauReviewer']);

    const created = await h.post(
      '/api/users',
      { username: 'auditor2', displayName: '新审计员', roles: [{ role: 'auditor', orgId: h.orgs.district }] },
      sec,
    );
    expect(created.status).toBe(201);
    const auditor2 = (await created.json()) as UserItem & { password: string };
    const reset = await patch(
      h.users.admin ?? '',
      { resetPassword: true, expectedVersion: await versionOf(h.users.admin ?? '') },
      sec,
    );
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as { password?: string }).password).toBeTruthy();
    expect(
      (await patch(auditor2.id, { disabled: true, expectedVersion: await versionOf(auditor2.id) }, sec)).status,
    ).toBe(200);
  });

  it('changes an ordinary account’s grants but not its name, status or password, and creates no ordinary account', async () => {
    const sec = await h.signIn('secadmin');
    const teacher = h.users.teacherA ?? '';
    expect(
      (
        await patch(
          teacher,
          {
            roles: [
              { role: 'teacher', orgId: h.orgs.schoolA },
              { role: 'expert', orgId: h.orgs.district },
            ],
            expectedVersion: await versionOf(teacher),
          },
          sec,
        )
      ).status,
    ).toBe(200);
    const reset = await patch(teacher, { resetPassword: true, expectedVersion: await versionOf(teacher) }, sec);
    expect(reset.status).toBe(403);
    expect((await error(reset)).message['zh-CN']).toBe(
      '普通账户的姓名、状态和密码由教委管理员维护；安全管理员只调整角色授权。',
    );
    expect(
      (
        await h.post(
          '/api/users',
          { username: 'teacher8', displayName: '教师八', roles: [{ role: 'teacher', orgId: h.orgs.schoolA }] },
          sec,
        )
      ).status,
    ).toBe(403);
  });

  it('does not see or touch workflow data', async () => {
    const sec = await h.signIn('secadmin');
    const definitionId = await h.publish();
    expect(
      (await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: 'x' } }, sec))
        .status,
    ).toBe(403);
    const started = (await (
      await h.post(
        '/api/instances',
        { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '月报' } },
        await h.signIn('principalA'),
      )
    ).json()) as { id: string };
    expect([403, 404]).toContain((await h.get(`/api/instances/${started.id}`, sec)).status);
    expect(((await (await h.get('/api/instances', sec)).json()) as { items: unknown[] }).items).toEqual([]);
  });
});

describe('nobody changes their own roles', () => {
  it('the security admin cannot remove or add its own grants; the auditor changes nothing', async () => {
    const sec = await h.signIn('secadmin');
    const self = h.users.secadmin ?? '';
    for (const roles of [
      [],
      [
        { role: 'securityAdmin', orgId: h.orgs.district },
        { role: 'bureauReviewer', orgId: h.orgs.district },
      ],
    ]) {
      const res = await patch(self, { roles, expectedVersion: await versionOf(self) }, sec);
      expect(res.status).toBe(403);
      expect((await error(res)).message['zh-CN']).toBe('不能修改自己的角色。');
    }
    expect(await rolesOf(self)).toEqual(['securityAdmin']);
    const auditor = await h.signIn('auditor');
    expect(
      (
        await patch(
          h.users.teacherA ?? '',
          {
            roles: [{ role: 'expert', orgId: h.orgs.district }],
            expectedVersion: await versionOf(h.users.teacherA ?? ''),
          },
          auditor,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await patch(
          h.users.auditor ?? '',
          { roles: [], expectedVersion: await versionOf(h.users.auditor ?? '') },
          auditor,
        )
      ).status,
    ).toBe(403);
  });
});

describe('every change to a power is audited and told to the auditors', () => {
  it('grants, resets and refused attempts each leave an audit event and a notice in every auditor’s inbox', async () => {
    const sec = await h.signIn('secadmin');
    const reviewer2 = h.users.reviewer2 ?? '';
    expect(
      (
        await patch(
          reviewer2,
          {
            roles: [
              { role: 'bureauReviewer', orgId: h.orgs.district },
              { role: 'auditor', orgId: h.orgs.district },
            ],
            expectedVersion: await versionOf(reviewer2),
          },
          sec,
        )
      ).status,
    ).toBe(200);
    const update = (
      await h.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'user.update'), eq(auditEvents.entityId, reviewer2)))
        .orderBy(desc(auditEvents.seq))
        .limit(1)
    )[0];
    expect(update).toMatchObject({ actorId: h.users.secadmin, outcome: 'success' });
    expect((update?.after as { roles: Array<{ role: string }> }).roles.map((g) => g.role)).toEqual([
      'auditor',
      'bureauReviewer',
    ]);
    const grants = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.assignRole'), eq(auditEvents.entityId, reviewer2)));
    expect(grants.map((e) => [e.actorId, (e.after as { role: string }).role])).toEqual([
      ['system', 'bureauReviewer'],
      [h.users.secadmin, 'auditor'],
    ]);

    h.clock.advance(60_000);
    const admin = await h.signIn('admin');
    expect(
      (
        await patch(
          h.users.auditor ?? '',
          { resetPassword: true, expectedVersion: await versionOf(h.users.auditor ?? '') },
          admin,
        )
      ).status,
    ).toBe(403);
    const denied = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, h.users.auditor ?? ''), eq(auditEvents.outcome, 'denied')));
    expect(denied).toEqual([expect.objectContaining({ actorId: h.users.admin, action: 'user.update' })]);
    h.clock.advance(60_000);
    expect(
      (
        await patch(
          h.users.secadmin ?? '',
          { resetPassword: true, expectedVersion: await versionOf(h.users.secadmin ?? '') },
          sec,
        )
      ).status,
    ).toBe(200);

    const inbox = await notices('auditor');
    expect(inbox.map((n) => n.title['zh-CN'])).toEqual([
      '【权限变更】secadmin 调整了 secadmin（secadmin）：重置密码',
      '【权限变更】admin 试图调整 auditor（auditor）：重置密码，已被拒绝',
      '【权限变更】secadmin 调整了 reviewer2（reviewer2）：授予“审计员”（示范区教委）',
    ]);
    expect(inbox[2]).toMatchObject({
      kind: 'security',
      entityType: 'User',
      entityId: reviewer2,
      title: { en: '[Powers changed] secadmin changed reviewer2 (reviewer2): granted auditor at 示范区教委' },
    });
    // reviewer2 became an auditor on the way (and so must first enrol an authenticator): told of its own grant and of everything after.
    expect(
      ((await (await h.get('/api/notifications', await h.signIn('reviewer2'))).json()) as ErrorBody).error.code,
    ).toBe('TOTP_ENROLMENT_REQUIRED');
    await h.enrolTotp('reviewer2');
    expect((await notices('reviewer2')).map((n) => n.title.en)).toEqual([
      '[Powers changed] secadmin changed secadmin (secadmin): password reset',
      '[Powers changed] admin tried to change auditor (auditor): password reset — refused',
      '[Powers changed] secadmin changed reviewer2 (reviewer2): granted auditor at 示范区教委',
    ]);
    // Ordinary business is not the auditors' inbox.
    const teacher = await h.post(
      '/api/users',
      { username: 'teacher7', displayName: '教师七', roles: [{ role: 'teacher', orgId: h.orgs.schoolA }] },
      admin,
    );
    expect(teacher.status).toBe(201);
    expect(await notices('auditor')).toHaveLength(3);
  });
});
