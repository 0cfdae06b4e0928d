import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../../db/client.js';
import { tasks } from '../../db/schema.js';
import { type Harness, makeHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

// Binary order, as SQLite compares text (localeCompare would skip the dashes in ids).
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
type Page = { items: Array<{ id: string; dueAt: string | null; instanceId: string }>; nextCursor: string | null };

describe('GET /tasks (the inbox)', () => {
  it('walks dated tasks soonest first, then undated ones, across page boundaries without gaps or repeats', async () => {
    const definitionId = await h.publish();
    const pa = await h.signIn('principalA');
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const res = await h.post(
        '/api/instances',
        { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: `报告${i}` } },
        pa,
      );
      ids.push(((await res.json()) as { id: string }).id);
    }
    // Three deadlines removed and two made equal: the order must still be total.
    const open = await h.db.select().from(tasks).where(inArray(tasks.instanceId, ids));
    const [a, b, c, d, e] = open;
    for (const t of [a, b, c])
      if (t) await tx(h.db, () => h.db.update(tasks).set({ dueAt: null }).where(eq(tasks.id, t.id)));
    if (d && e)
      await tx(h.db, () =>
        h.db
          .update(tasks)
          .set({ dueAt: '2026-11-30T15:59:59.000Z' })
          .where(inArray(tasks.id, [d.id, e.id])),
      );
    const expected = (await h.db.select().from(tasks).where(inArray(tasks.instanceId, ids)))
      .sort((x, y) => cmp(x.dueAt ?? '~', y.dueAt ?? '~') || cmp(x.id, y.id))
      .map((t) => t.id);

    for (const limit of [1, 2, 3, 4, 7, 20]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await (
          await h.get(`/api/tasks?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, pa)
        ).json()) as Page;
        seen.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, `limit ${limit}`).toEqual(expected);
    }
    const other = (await (await h.get('/api/tasks', await h.signIn('principalB'))).json()) as Page;
    expect(other.items).toEqual([]);
  });
});

// Issue 11: a task's candidate rows follow its status (trigger), which is what keeps the inbox to today's work.
describe('candidate rows of closed tasks', () => {
  it('are marked closed when their task closes, and open again when it reopens', async () => {
    const definitionId = await h.publish();
    const pa = await h.signIn('principalA');
    const started = (await (
      await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '报告' } }, pa)
    ).json()) as { id: string; version: number };
    // The flag as a number: SQLite's 0/1, PostgreSQL's boolean.
    const rows = async () =>
      Object.fromEntries(
        (
          await h.sql(
            sql`select t.state, c.open from task_candidates c join tasks t on t.id = c.task_id where t.instance_id = ${started.id}`,
          )
        ).map((r) => [r.state, Number(r.open)]),
      );
    expect(await rows()).toEqual({ draft: 1 });
    const sent = (await (
      await h.post(`/api/instances/${started.id}/events`, { type: 'SUBMIT', expectedVersion: started.version }, pa)
    ).json()) as { version: number };
    expect(await rows()).toEqual({ draft: 0, review: 1 });
    const back = await h.post(
      `/api/instances/${started.id}/events`,
      { type: 'REJECT', comment: '请补充材料', expectedVersion: sent.version },
      await h.signIn('reviewer1'),
    );
    expect(back.status).toBe(200);
    expect(await rows()).toEqual({ draft: 1, review: 0 });
  });
});
