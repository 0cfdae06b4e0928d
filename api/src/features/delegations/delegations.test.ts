import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;
const window = (fromDays: number, toDays: number) => ({
  startsAt: new Date(h.clock.now().getTime() + fromDays * DAY).toISOString(),
  endsAt: new Date(h.clock.now().getTime() + toDays * DAY).toISOString(),
});

describe('standing delegation (acting principal while on leave)', () => {
  it('lets the delegate see and do the principal’s work for the window, audited with both names, until revoked', async () => {
    const started = await h.start(
      'admin',
      'security-inspection',
      h.orgs.schoolA,
      { round: '代岗测试', items: CHECKLIST_V1.items },
      { inspector: [h.users.inspector] },
    );
    expect(started.status, JSON.stringify(await started.clone().json())).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const inbox = async () =>
      ((await (await h.get('/api/tasks', await h.as('teacherA'))).json()) as { items: Array<{ instanceId: string }> })
        .items;
    expect((await inbox()).some((t) => t.instanceId === id)).toBe(false);

    const created = await h.post(
      '/api/delegations',
      { toUserId: h.users.teacherA, ...window(0, 7), reason: '校长外出培训' },
      await h.as('principalA'),
    );
    expect(created.status, JSON.stringify(await created.clone().json())).toBe(201);
    const delegation = (await created.json()) as { id: string; active: boolean };
    expect(delegation.active).toBe(true);

    // The teacher, acting principal, now sees the school's task and may submit it.
    expect((await inbox()).some((t) => t.instanceId === id)).toBe(true);
    const items = CHECKLIST_V1.items.map((i) => ({ ...i, result: 'pass' }));
    const submitted = await h.fire(id, 'teacherA', 'SUBMIT', { data: { items } });
    expect(submitted.status, JSON.stringify(await submitted.clone().json())).toBe(200);
    const trail = (await (await h.get(`/api/instances/${id}/history`, await h.as('admin'))).json()).items as Array<{
      actorId: string;
      meta: { type?: string; onBehalfOf?: Array<{ id: string }> };
    }>;
    const last = trail.at(-1)!;
    expect(last.actorId).toBe(h.users.teacherA);
    expect(last.meta.onBehalfOf).toEqual([{ id: h.users.principalA, displayName: 'principalA' }]);

    // Back from leave: the delegate's extra grants end with the revocation.
    const revoked = await h.post(`/api/delegations/${delegation.id}/revoke`, {}, await h.as('principalA'));
    expect(((await revoked.json()) as { active: boolean }).active).toBe(false);
    const again = await h.start(
      'admin',
      'security-inspection',
      h.orgs.schoolA,
      { round: '代岗结束', items: CHECKLIST_V1.items },
      { inspector: [h.users.inspector] },
    );
    const next = ((await again.json()) as { id: string }).id;
    const refused = await h.fire(next, 'teacherA', 'SUBMIT', { data: { items } });
    expect([403, 404]).toContain(refused.status);
  });

  it('refuses a delegation to oneself, a reversed or over-long window, and is not open to the auditor', async () => {
    const post = async (who: string, body: Record<string, unknown>) =>
      h.post('/api/delegations', body, await h.as(who));
    const self = await post('principalA', { toUserId: h.users.principalA, ...window(0, 3), reason: '外出' });
    expect([self.status, Object.keys((await self.json()).error.fieldErrors)]).toEqual([422, ['toUserId']]);
    const reversed = await post('principalA', { toUserId: h.users.teacherA, ...window(3, 1), reason: '外出' });
    expect((await reversed.json()).error.fieldErrors.endsAt).toBeTruthy();
    const long = await post('principalA', { toUserId: h.users.teacherA, ...window(0, 120), reason: '外出' });
    expect((await long.json()).error.fieldErrors.endsAt.en).toMatch(/90 days/);
    expect((await post('auditor', { toUserId: h.users.admin, ...window(0, 3), reason: '休假' })).status).toBe(403);
  });
});
