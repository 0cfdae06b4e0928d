import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../../db/client.js';
import { tasks } from '../../db/schema.js';
import { forEachInTurn } from '../../lib/in-turn.js';
import { type Harness, makeHarness } from '../../test/harness.js';
import { expectedOrder, walkIds } from '../../test/sorted-walk.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

describe('GET /tasks?sort=&order= (issue 4)', () => {
  it('pages the inbox under each sort in both orders, undated tasks last, ties by id', async () => {
    const definitionId = await h.publish();
    const pa = await h.signIn('principalA');
    const ids: string[] = [];
    for (let i = 0; i < 9; i += 1) {
      const res = await h.post(
        '/api/instances',
        { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: `报告${i}` } },
        pa,
      );
      ids.push(((await res.json()) as { id: string }).id);
    }
    const open = await h.db.select().from(tasks).where(inArray(tasks.instanceId, ids));
    await forEachInTurn(open, (t, i) =>
      tx(h.db, () =>
        h.db
          .update(tasks)
          .set({
            dueAt: i % 3 === 0 ? null : `2026-12-0${1 + (i % 2)}T15:59:59.000Z`,
            createdAt: `2026-11-2${i % 2}T01:00:00.000Z`,
          })
          .where(eq(tasks.id, t.id)),
      ),
    );
    const rows = await h.db.select().from(tasks).where(inArray(tasks.instanceId, ids));
    for (const field of ['dueAt', 'createdAt'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const limit of [1, 2, 4, 20]) {
          expect(
            await walkIds(h, `/api/tasks?sort=${field}&order=${order}`, pa, limit),
            `${field} ${order} ${limit}`,
          ).toEqual(expectedOrder(rows, field, order));
        }
      }
    }
    const { nextCursor } = (await (await h.get('/api/tasks?limit=2', pa)).json()) as { nextCursor: string };
    expect((await h.get(`/api/tasks?sort=createdAt&limit=2&cursor=${nextCursor}`, pa)).status).toBe(422);
    expect((await h.get('/api/tasks?sort=priority', pa)).status).toBe(422);
  });
});
