import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tx } from '../db/client.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../test/workflow-harness.js';
import { loadAuthUser } from './user.js';

// Issue 11: the signed-in person is kept between requests; a change from anywhere, and time itself, still show at once.
let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());
const at = (days: number) => new Date(h.clock.now().getTime() + days * 86_400_000).toISOString();

describe('the signed-in person, kept between requests', () => {
  it('loses a role revoked by another process on the next request', async () => {
    const id = h.users.principalB ?? '';
    expect((await loadAuthUser(h.deps, id))?.roles.map((g) => g.role)).toEqual(['principal']);
    const other = h.openOther();
    try {
      await tx(other.db, () => other.db.run(sql`delete from role_grants where user_id = ${id} and role = 'principal'`));
    } finally {
      await other.close();
    }
    expect((await loadAuthUser(h.deps, id))?.roles).toEqual([]);
  });

  it('acts for the delegator from the window’s start to its end, with no write in between', async () => {
    const teacher = h.users.teacherA ?? '';
    const res = await h.post(
      '/api/delegations',
      { toUserId: teacher, startsAt: at(1), endsAt: at(3), reason: '校长外出培训' },
      await h.as('principalA'),
    );
    expect(res.status).toBe(201);
    expect((await loadAuthUser(h.deps, teacher))?.actingFor).toBeUndefined();
    h.clock.advance(2 * 86_400_000);
    expect((await loadAuthUser(h.deps, teacher))?.actingFor?.map((a) => a.userId)).toEqual([h.users.principalA]);
    h.clock.advance(2 * 86_400_000);
    expect((await loadAuthUser(h.deps, teacher))?.actingFor).toBeUndefined();
  });
});
