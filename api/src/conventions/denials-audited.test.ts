import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents } from '../db/schema.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const denials = async (actorId: string) =>
  await h.deps.db
    .select({ action: auditEvents.action, meta: auditEvents.meta })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.outcome, 'denied')));

// Issue 13.3: every denial is on the audit trail, once: by the use-case's authorize() under its own action,
// or, for a rule outside CASL, by the error handler's backstop.
describe('every denial audited, once', () => {
  it('a refusal outside CASL (revoking a delegation someone else made) is recorded by the backstop', async () => {
    const DAY = 86_400_000;
    const now = h.clock.now().getTime();
    const created = await h.post(
      '/api/delegations',
      {
        toUserId: h.users.teacherA,
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 3 * DAY).toISOString(),
        reason: '外出',
      },
      await h.as('principalA'),
    );
    const { id } = (await created.json()) as { id: string };
    const before = (await denials(h.users.teacherA)).length;
    const refused = await h.post(`/api/delegations/${id}/revoke`, {}, await h.as('teacherA'));
    expect(refused.status).toBe(403);
    const after = (await denials(h.users.teacherA)).slice(before);
    expect(after).toEqual([
      {
        action: 'request.denied',
        meta: expect.objectContaining({ method: 'POST', reason: 'FORBIDDEN', path: `/api/delegations/${id}/revoke` }),
      },
    ]);
  });

  it('a CASL refusal is recorded by authorize() under the use-case’s action, and not again by the backstop', async () => {
    const before = (await denials(h.users.teacherA)).length;
    expect((await h.get('/api/burden-reports', await h.as('teacherA'))).status).toBe(403);
    expect((await denials(h.users.teacherA)).slice(before)).toEqual([
      { action: 'burden.list', meta: expect.objectContaining({ reason: 'FORBIDDEN', permission: 'read' }) },
    ]);
  });
});
