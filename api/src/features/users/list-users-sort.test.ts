import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { forEachInTurn } from '../../lib/in-turn.js';
import { type Harness, makeHarness } from '../../test/harness.js';
import { expectedOrder, walkIds } from '../../test/sorted-walk.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

describe('GET /users?sort=&order= (issue 4)', () => {
  it('pages the directory by username, name and creation in both orders, ties by id', async () => {
    // Shared display names and creation instants, so ties cross page edges.
    const rows0 = await h.db.select({ id: users.id }).from(users);
    await forEachInTurn(rows0, (u, i) =>
      tx(h.db, () =>
        h.db
          .update(users)
          .set({
            displayName: ['王老师', '李校长', '张科长'][i % 3],
            createdAt: `2026-11-0${1 + (i % 2)}T00:00:00.000Z`,
          })
          .where(eq(users.id, u.id)),
      ),
    );
    const rows = await h.db.select().from(users);
    const admin = await h.signIn('admin');
    for (const field of ['username', 'displayName', 'createdAt'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const limit of [1, 2, 5, 100]) {
          expect(
            await walkIds(h, `/api/users?sort=${field}&order=${order}`, admin, limit),
            `${field} ${order} ${limit}`,
          ).toEqual(expectedOrder(rows, field, order));
        }
      }
    }
    expect(await walkIds(h, '/api/users', admin, 3)).toEqual(expectedOrder(rows, 'username', 'asc'));
    const bad = await h.get('/api/users?sort=passwordHash', admin);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('username, displayName, createdAt');
  });
});
