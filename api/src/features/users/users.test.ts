import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineAbilityFor } from '../../auth/ability.js';
import { filterInTurn } from '../../lib/in-turn.js';
import { type Harness, makeHarness } from '../../test/harness.js';
import { userSubject } from './user-subject.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const patch = (path: string, body: unknown, s: { cookie: string; csrf: string }) =>
  h.app.request(path, {
    method: 'PATCH',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

type Page = {
  items: Array<{ id: string; username: string; version: number; roles: Array<{ role: string; orgName: string }> }>;
  nextCursor: string | null;
};

describe('GET /users', () => {
  it('shows the bureau everyone, keyset-paginated without gaps, with grants and org names', async () => {
    const s = await h.signIn('reviewer1');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.get(`/api/users?limit=5${cursor ? `&cursor=${cursor}` : ''}`, s);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Object.keys(h.users).sort());
    const one = (await (await h.get('/api/users?q=principalA2', s)).json()) as Page;
    expect(one.items).toEqual([
      expect.objectContaining({
        username: 'principalA2',
        roles: [{ role: 'principal', orgId: h.orgs.schoolA2, orgName: '实验小学分校' }],
      }),
    ]);
  });

  it('shows others only their own part of the tree, exactly as ability.can decides', async () => {
    for (const name of ['lead1', 'principalA', 'teacherA', 'principalB']) {
      const res = await h.get('/api/users?limit=100', await h.signIn(name));
      const listed = ((await res.json()) as Page).items.map((u) => u.username).sort();
      const ability = defineAbilityFor(await h.authUser(name));
      const expected = (
        await filterInTurn(Object.entries(h.users), async ([, id]) =>
          ability.can('read', await userSubject(h.deps, id)),
        )
      )
        .map(([u]) => u)
        .sort();
      expect(listed, name).toEqual(expected);
    }
    const lead = ((await (await h.get('/api/users?limit=100', await h.signIn('lead1'))).json()) as Page).items.map(
      (u) => u.username,
    );
    expect(lead).toEqual(expect.arrayContaining(['lead1', 'principalA', 'principalA2', 'teacherA']));
    expect(lead).not.toContain('principalB');
  });

  it('filters by role and organisation, and escapes LIKE wildcards', async () => {
    const s = await h.signIn('admin');
    const byRole = (await (await h.get(`/api/users?role=principal&orgId=${h.orgs.schoolB}`, s)).json()) as Page;
    expect(byRole.items.map((u) => u.username)).toEqual(['principalB']);
    const wildcard = (await (await h.get('/api/users?q=%25', s)).json()) as Page;
    expect(wildcard.items).toEqual([]);
  });
});

describe('POST /users and PATCH /users/:id', () => {
  it('creates with a generated one-time password that must be changed, then edits with a version check', async () => {
    const s = await h.signIn('admin');
    const res = await h.post(
      '/api/users',
      { username: 'inspector2', displayName: '李检查', roles: [{ role: 'inspector', orgId: h.orgs.district }] },
      s,
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      id: string;
      password: string;
      mustChangePassword: boolean;
      version: number;
    };
    expect(created.password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}-\d\d$/);
    expect(created.mustChangePassword).toBe(true);

    const ok = await patch(
      `/api/users/${created.id}`,
      { displayName: '李检查员', roles: [{ role: 'expert', orgId: h.orgs.schoolB }], expectedVersion: 1 },
      s,
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      displayName: '李检查员',
      version: 2,
      roles: [{ role: 'expert', orgId: h.orgs.schoolB }],
    });
    const stale = await patch(`/api/users/${created.id}`, { displayName: 'x', expectedVersion: 1 }, s);
    expect(stale.status).toBe(409);
    const bad = await patch(
      `/api/users/${created.id}`,
      { roles: [{ role: 'expert', orgId: 'nope' }], expectedVersion: 2 },
      s,
    );
    expect(bad.status).toBe(422);
    const after = (await (await h.get('/api/users?q=inspector2', s)).json()) as Page;
    expect(after.items[0]).toMatchObject({ version: 2, roles: [{ role: 'expert' }] });
  });

  it('disabling ends the sessions at once; the admin cannot disable themselves or change their own roles; non-admins get 403', async () => {
    const admin = await h.signIn('admin');
    const victim = await h.signIn('principalB');
    expect((await h.get('/api/me', victim)).status).toBe(200);
    const current = ((await (await h.get('/api/users?q=principalB', admin)).json()) as Page).items[0];
    const res = await patch(
      `/api/users/${h.users.principalB}`,
      { disabled: true, expectedVersion: current?.version ?? 0 },
      admin,
    );
    expect(res.status).toBe(200);
    expect((await h.get('/api/me', victim)).status).toBe(401);
    const self = ((await (await h.get('/api/users?q=admin', admin)).json()) as Page).items[0];
    expect(
      (await patch(`/api/users/${h.users.admin}`, { disabled: true, expectedVersion: self?.version ?? 0 }, admin))
        .status,
    ).toBe(422);
    // Nobody changes their own roles (三权分立, ADR 0014): a permission, so 403 rather than 422.
    expect(
      (await patch(`/api/users/${h.users.admin}`, { roles: [], expectedVersion: self?.version ?? 0 }, admin)).status,
    ).toBe(403);
    const principal = await h.signIn('principalA');
    expect(
      (await patch(`/api/users/${h.users.teacherA}`, { displayName: 'x', expectedVersion: 1 }, principal)).status,
    ).toBe(403);
    expect((await h.post('/api/users', { username: 'nobody', displayName: 'n' }, principal)).status).toBe(403);
  });
});

describe('password and two-factor resets', () => {
  it('a reset issues a one-time password that unlocks the account, ends sessions and must be changed; a 2FA reset turns it off', async () => {
    const admin = await h.signIn('admin');
    const teacher = await h.signIn('teacherA');
    for (let i = 0; i < 5; i += 1)
      await h.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'teacherA', password: 'wrong-1234' }),
      });
    const current = ((await (await h.get('/api/users?q=teacherA', admin)).json()) as Page).items[0];
    const res = await patch(
      `/api/users/${h.users.teacherA}`,
      { resetPassword: true, expectedVersion: current?.version ?? 0 },
      admin,
    );
    expect(res.status).toBe(200);
    const reset = (await res.json()) as { password: string; mustChangePassword: boolean; version: number };
    expect(reset.mustChangePassword).toBe(true);
    expect((await h.get('/api/me', teacher)).status).toBe(401);
    const again = await h.signIn('teacherA', reset.password);
    expect((await h.get('/api/tasks', again)).status).toBe(403);

    await h.sql(
      sql`update users set totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled_at = '2026-11-01T00:00:00.000Z' where id = ${h.users.lead1}`,
    );
    const lead = ((await (await h.get('/api/users?q=lead1', admin)).json()) as Page).items[0] as {
      version: number;
      twoFactor?: boolean;
    };
    expect(lead.twoFactor).toBe(true);
    const off = await patch(
      `/api/users/${h.users.lead1}`,
      { resetTwoFactor: true, expectedVersion: lead.version },
      admin,
    );
    expect(await off.json()).toMatchObject({ twoFactor: false });
    expect((await h.signIn('lead1')).userId).toBe(h.users.lead1);
  });
});

describe('POST /orgs and PATCH /orgs/:id', () => {
  it('adds a school under a group and moves it to another group, refusing stale versions and cycles', async () => {
    const s = await h.signIn('admin');
    const res = await h.post(
      '/api/orgs',
      { type: 'school', name: '新建小学', parentId: h.orgs.group1, code: 'P99' },
      s,
    );
    expect(res.status).toBe(201);
    const school = (await res.json()) as { id: string; version: number };
    expect(school.version).toBe(1);
    const moved = await patch(
      `/api/orgs/${school.id}`,
      { parentId: h.orgs.group2, name: '新建小学（分校）', expectedVersion: 1 },
      s,
    );
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ parentId: h.orgs.group2, name: '新建小学（分校）', version: 2 });
    expect((await patch(`/api/orgs/${school.id}`, { name: 'x', expectedVersion: 1 }, s)).status).toBe(409);
    expect((await patch(`/api/orgs/${school.id}`, { parentId: h.orgs.schoolA, expectedVersion: 2 }, s)).status).toBe(
      422,
    );
    expect((await patch(`/api/orgs/${h.orgs.group1}`, { type: 'school', expectedVersion: 1 }, s)).status).toBe(422);
    expect((await patch(`/api/orgs/missing`, { name: 'x', expectedVersion: 1 }, s)).status).toBe(404);
    const principal = await h.signIn('principalA');
    expect((await h.post('/api/orgs', { type: 'school', name: 'x', parentId: h.orgs.group1 }, principal)).status).toBe(
      403,
    );
  });
});
