import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../../db/client.js';
import { instances } from '../../db/schema.js';
import { forEachInTurn } from '../../lib/in-turn.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';
import { expectedOrder, walkIds } from '../../test/sorted-walk.js';

let h: Harness;
let pa: Session;
const ids: string[] = [];
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  pa = await h.signIn('principalA');
  for (let i = 0; i < 11; i += 1) {
    const res = await h.post(
      '/api/instances',
      { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: `报告${i}` } },
      pa,
    );
    ids.push(((await res.json()) as { id: string }).id);
  }
});
afterAll(() => h.close());

type Item = { id: string; dueAt: string | null; version: number; overdue: boolean };
const list = async (path: string, s: Session) =>
  (await (await h.get(path, s)).json()) as { items: Item[]; nextCursor: string | null };

describe('instances.due_at follows the open tasks', () => {
  it('is the draft task’s deadline after start and null once only an undated review waits', async () => {
    const [first] = (await list(`/api/instances?sort=dueAt&order=asc&limit=100`, pa)).items;
    expect(first?.dueAt).toMatch(/^2026-1[12]-/);
    const res = await h.post(
      `/api/instances/${first?.id}/events`,
      { type: 'SUBMIT', expectedVersion: first?.version },
      pa,
    );
    expect(res.status).toBe(200);
    const after = (await list(`/api/instances?sort=dueAt&order=asc&limit=100`, pa)).items;
    expect(after.find((i) => i.id === first?.id)?.dueAt).toBeNull();
    // NULLs last: the submitted one now comes after every dated instance.
    expect(after[after.length - 1]?.id).toBe(first?.id);
  });
});

describe('a running instance past its deadline is flagged overdue by the server clock', () => {
  it('is not overdue before dueAt and is after it', async () => {
    const dated = (await list(`/api/instances?sort=dueAt&order=asc&limit=100`, pa)).items.filter((i) => i.dueAt);
    expect(dated.length).toBeGreaterThan(1);
    expect(dated.every((i) => !i.overdue)).toBe(true);
    // Moving the clock would end the session; moving one deadline behind the clock is the same test.
    const [late, ...rest] = dated;
    const before = new Date(h.clock.now().getTime() - 60_000).toISOString();
    await tx(h.db, () => h.db.update(instances).set({ dueAt: before }).where(eq(instances.id, late!.id)));
    const after = (await list(`/api/instances?sort=dueAt&order=asc&limit=100`, pa)).items;
    expect(after.find((i) => i.id === late!.id)?.overdue).toBe(true);
    expect(rest.every((r) => after.find((i) => i.id === r.id)?.overdue === false)).toBe(true);
    // ?overdue=1 lists exactly the flagged ones.
    const filtered = (await list(`/api/instances?overdue=1&limit=100`, pa)).items;
    expect(filtered.map((i) => i.id)).toEqual([late!.id]);
    await tx(h.db, () => h.db.update(instances).set({ dueAt: late!.dueAt }).where(eq(instances.id, late!.id)));
  });
});

describe('GET /instances?sort=&order= (issue 4)', () => {
  it('pages through every sort in both orders with no gaps or repeats, ties and NULLs included', async () => {
    // Few distinct values so that most rows tie and the id tie-break is exercised across page edges.
    const day = (d: number) => `2026-11-${String(20 + d).padStart(2, '0')}T08:00:00.000Z`;
    await forEachInTurn(ids, (id, i) =>
      tx(h.db, () =>
        h.db
          .update(instances)
          .set({
            updatedAt: day(i % 3),
            createdAt: day(i % 2),
            dueAt: i % 4 === 0 ? null : day(i % 3),
            state: i % 3 === 0 ? 'review' : 'draft',
          })
          .where(eq(instances.id, id)),
      ),
    );
    const rows = await h.db.select().from(instances);
    for (const who of ['reviewer1', 'principalA']) {
      const s = await h.signIn(who);
      for (const field of ['updatedAt', 'createdAt', 'dueAt', 'state'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const expected = expectedOrder(rows, field, order);
          for (const limit of [1, 2, 3, 5, 50]) {
            expect(
              await walkIds(h, `/api/instances?sort=${field}&order=${order}`, s, limit),
              `${who} ${field} ${order} limit ${limit}`,
            ).toEqual(expected);
          }
        }
      }
    }
    // No sort given: newest activity first, as before issue 4.
    expect(await walkIds(h, '/api/instances', pa, 4)).toEqual(expectedOrder(rows, 'updatedAt', 'desc'));
  });

  it('refuses an unknown sort field or order with 422 naming the allowed ones, in both languages', async () => {
    const res = await h.get('/api/instances?sort=passwordHash', pa);
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string; fieldErrors: Record<string, { 'zh-CN': string; en: string }> };
    };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fieldErrors.sort?.['zh-CN']).toContain('updatedAt、createdAt、dueAt、state');
    expect(body.error.fieldErrors.sort?.en).toContain('allowed: updatedAt, createdAt, dueAt, state');
    const bad = await h.get('/api/instances?sort=dueAt&order=up', pa);
    expect(bad.status).toBe(422);
    expect(
      ((await bad.json()) as { error: { fieldErrors: Record<string, unknown> } }).error.fieldErrors.order,
    ).toBeTruthy();
  });

  it('refuses a cursor made under another sort or order (422), rather than returning a wrong page', async () => {
    const { nextCursor } = await list('/api/instances?sort=dueAt&order=asc&limit=2', pa);
    expect(nextCursor).toBeTruthy();
    for (const other of ['sort=dueAt&order=desc', 'sort=createdAt&order=asc', '']) {
      const res = await h.get(`/api/instances?${other}&limit=2&cursor=${nextCursor}`, pa);
      expect(res.status, other).toBe(422);
      expect(
        ((await res.json()) as { error: { fieldErrors: Record<string, { en: string }> } }).error.fieldErrors.cursor?.en,
      ).toMatch(/another sort/);
    }
    // A cursor that is not one at all stays a plain 400, as before sorting existed.
    expect((await h.get('/api/instances?cursor=bm90LWpzb24', pa)).status).toBe(400);
  });
});
