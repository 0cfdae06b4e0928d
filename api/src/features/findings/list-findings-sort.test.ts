import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../../db/client.js';
import { findings } from '../../db/schema.js';
import { forEachInTurn } from '../../lib/in-turn.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { expectedOrder, walkIds } from '../../test/sorted-walk.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

describe('GET /findings?sort=&order= (issue 4)', () => {
  it('pages findings by deadline, by creation and by severity in both orders, ties by id', async () => {
    for (const school of [h.orgs.schoolA, h.orgs.schoolB]) {
      const started = await (
        await h.start('admin', 'security-inspection', school, { round: '秋季' }, { inspector: [h.users.inspector] })
      ).json();
      const items = CHECKLIST_V1.items.map((i) => ({ ...i, result: 'fail', severity: 'medium' }));
      const who = school === h.orgs.schoolA ? 'principalA' : 'principalB';
      expect((await h.fire(started.id, who, 'SUBMIT', { data: { items } })).status).toBe(200);
      expect((await h.fire(started.id, 'inspector', 'RAISE_FINDINGS', { comment: '全部不符合' })).status).toBe(200);
    }
    const all = await h.db.select().from(findings);
    expect(all.length).toBeGreaterThan(4);
    await forEachInTurn(all, (f, i) =>
      tx(h.db, () =>
        h.db
          .update(findings)
          .set({
            dueAt: `2026-12-0${1 + (i % 3)}T15:59:59.000Z`,
            createdAt: `2026-11-2${i % 2}T01:00:00.000Z`,
            severity: (['high', 'medium', 'low'] as const)[i % 3],
          })
          .where(eq(findings.id, f.id)),
      ),
    );
    const rows = await h.db.select().from(findings);
    const reviewer = await h.as('reviewer1');
    for (const field of ['dueAt', 'createdAt'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const limit of [1, 3, 100]) {
          expect(
            await walkIds(h, `/api/findings?sort=${field}&order=${order}`, reviewer, limit),
            `${field} ${order} ${limit}`,
          ).toEqual(expectedOrder(rows, field, order));
        }
      }
    }
    // Severity sorts by weight (high 3, medium 2, low 1 in the virtual severity_rank), not by its words.
    for (const order of ['asc', 'desc'] as const) {
      for (const limit of [1, 4, 100]) {
        expect(
          await walkIds(h, `/api/findings?sort=severity&order=${order}`, reviewer, limit),
          `severity ${order} ${limit}`,
        ).toEqual(expectedOrder(rows, 'severityRank', order));
      }
    }
    const highFirst = await (await h.get('/api/findings?sort=severity&order=desc&limit=100', reviewer)).json();
    const words = highFirst.items.map((f: { severity: string }) => f.severity);
    expect(words).toEqual(
      [...words].sort(
        (a: string, b: string) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b),
      ),
    );
    expect(new Set(words)).toEqual(new Set(['high', 'medium', 'low']));
    // The rank is how the list sorts, not part of the contract.
    expect(highFirst.items[0]).not.toHaveProperty('severityRank');
    // A cursor of one sort is refused under another.
    const first = await (await h.get('/api/findings?sort=severity&order=desc&limit=1', reviewer)).json();
    expect((await h.get(`/api/findings?sort=dueAt&cursor=${first.nextCursor}`, reviewer)).status).toBe(422);
    expect((await h.get('/api/findings?sort=title', reviewer)).status).toBe(422);
  });
});
