import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents, instances, tasks } from '../../db/schema.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let definitionId: string;
let pa: Session, pb: Session, r1: Session, r2: Session;

beforeAll(async () => {
  h = await makeHarness();
  definitionId = await h.publish();
  [pa, pb, r1, r2] = await Promise.all(['principalA', 'principalB', 'reviewer1', 'reviewer2'].map((u) => h.signIn(u)));
});
afterAll(() => h.close());

const startAt = async (s: Session, subjectOrgId: string, data: Record<string, unknown> = { title: '安全月报' }) => {
  const res = await h.post('/api/instances', { definitionId, subjectOrgId, data }, s);
  return { res, body: await res.json() };
};
const fire = (s: Session, id: string, body: Record<string, unknown>, extra: Record<string, string> = {}) =>
  h.post(`/api/instances/${id}/events`, body, s, extra);
const auditCount = async (action: string, outcome: 'success' | 'denied' = 'success') =>
  (
    await h.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.outcome, outcome)))
      .limit(1)
  )[0]?.n ?? 0;

describe('a school report from start to approval', () => {
  it('principal starts, submits; both reviewers approve; the instance completes', async () => {
    const { res, body: view } = await startAt(pa, h.orgs.schoolA);
    expect(res.status).toBe(201);
    expect(view).toMatchObject({ state: 'draft', status: 'running', version: 1, stateKind: 'task' });
    expect(view.subject.path.map((o: { type: string }) => o.type)).toEqual(['district', 'group', 'school']);
    expect(view.availableEvents.map((e: { type: string }) => e.type)).toContain('SUBMIT');
    expect(view.openTasks).toHaveLength(1);
    expect(view.states.find((s: { id: string }) => s.id === 'draft')).toMatchObject({ visited: true, current: true });
    expect(view.transitions).toContainEqual({ from: 'draft', to: 'review', event: 'SUBMIT' });

    const inboxA = await (await h.get('/api/tasks', pa)).json();
    expect(inboxA.items.map((t: { instanceId: string }) => t.instanceId)).toContain(view.id);

    const submitted = await fire(pa, view.id, { type: 'SUBMIT', expectedVersion: 1 });
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ state: 'review', version: 2 });

    for (const s of [r1, r2]) {
      const inbox = await (await h.get('/api/tasks', s)).json();
      expect(inbox.items.find((t: { instanceId: string }) => t.instanceId === view.id)).toMatchObject({
        purpose: 'review',
      });
    }
    const v1 = await fire(r1, view.id, { type: 'APPROVE', expectedVersion: 2 });
    expect(v1.status).toBe(200);
    const v2 = await fire(r2, view.id, { type: 'APPROVE', expectedVersion: 3 });
    const done = await v2.json();
    expect(done).toMatchObject({
      state: 'done',
      status: 'completed',
      outcome: 'approved',
      version: 4,
      availableEvents: [],
    });

    const open = (await h.db.select().from(tasks).where(eq(tasks.instanceId, view.id))).filter(
      (t) => t.status === 'open',
    );
    expect(open).toHaveLength(0);
    const history = await (await h.get(`/api/instances/${view.id}/history`, pa)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'instance.start',
      'instance.event',
      'instance.event',
      'instance.event',
    ]);
    expect(history.items[1]).toMatchObject({
      before: { state: 'draft', version: 1 },
      after: { state: 'review', version: 2 },
      meta: { type: 'SUBMIT' },
    });
  });

  it('refusals map to the contract: wrong version 409, not allowed 409, comment required 422, form 422', async () => {
    const { body: view } = await startAt(pa, h.orgs.schoolA);
    const stale = await fire(pa, view.id, { type: 'SUBMIT', expectedVersion: 7 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('VERSION_CONFLICT');
    const notHere = await fire(pa, view.id, { type: 'APPROVE', expectedVersion: 1 });
    expect(notHere.status).toBe(409);
    expect((await notHere.json()).error.code).toBe('EVENT_NOT_ALLOWED');
    await fire(pa, view.id, { type: 'SUBMIT', expectedVersion: 1 });
    const noComment = await fire(r1, view.id, { type: 'REJECT', expectedVersion: 2 });
    expect(noComment.status).toBe(422);
    expect((await noComment.json()).error.code).toBe('COMMENT_REQUIRED');
    const rejected = await fire(r1, view.id, { type: 'REJECT', expectedVersion: 2, comment: '数据不完整' });
    expect(await rejected.json()).toMatchObject({ state: 'draft', version: 3 });

    const noTitle = await startAt(pa, h.orgs.schoolA, {});
    expect(noTitle.res.status).toBe(422);
    expect(noTitle.body.error.code).toBe('VALIDATION');
    expect(noTitle.body.error.fieldErrors.title).toBeTruthy();
  });

  it('refused events are audited as denied and change nothing', async () => {
    const { body: view } = await startAt(pa, h.orgs.schoolA);
    const before = await auditCount('instance.event', 'denied');
    await fire(pa, view.id, { type: 'APPROVE', expectedVersion: 1 });
    expect(await auditCount('instance.event', 'denied')).toBe(before + 1);
    const row = (await h.db.select().from(instances).where(eq(instances.id, view.id)).limit(1))[0];
    expect(row?.version).toBe(1);
  });
});

describe('school isolation', () => {
  let idA: string;
  beforeAll(async () => {
    idA = (await startAt(pa, h.orgs.schoolA)).body.id;
  });

  it("principal B cannot read school A's instance: 404, indistinguishable from a missing id", async () => {
    const res = await h.get(`/api/instances/${idA}`, pb);
    expect(res.status).toBe(404);
    const missing = await h.get('/api/instances/no-such-id', pb);
    // The same answer but for the request's own id (X-Request-Id), which each answer carries.
    const withoutId = async (r: Response) => {
      const { requestId: _id, ...body } = (await r.json()) as { requestId?: string };
      return body;
    };
    expect(await withoutId(res)).toEqual(await withoutId(missing));
    expect((await h.get(`/api/instances/${idA}/history`, pb)).status).toBe(404);
  });

  it('principal B cannot fire events on it (404) and the attempt is audited', async () => {
    const res = await fire(pb, idA, { type: 'SUBMIT', expectedVersion: 1 });
    expect(res.status).toBe(404);
    const denied = await h.sql(
      sql`select meta from audit_events where action = 'instance.event' and entity_id = ${idA} and outcome = 'denied' and actor_id = ${pb.userId}`,
    );
    expect(denied.length).toBeGreaterThan(0);
  });

  it('principal B cannot start an instance for school A (403)', async () => {
    const { res, body } = await startAt(pb, h.orgs.schoolA);
    expect(res.status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
  });

  it('never appears in B’s lists or inbox; appears in A’s and the group lead’s', async () => {
    const listB = await (await h.get('/api/instances?limit=100', pb)).json();
    expect(listB.items.map((i: { id: string }) => i.id)).not.toContain(idA);
    const tasksB = await (await h.get('/api/tasks?limit=100', pb)).json();
    expect(tasksB.items.map((t: { instanceId: string }) => t.instanceId)).not.toContain(idA);
    const listA = await (await h.get('/api/instances?limit=100', pa)).json();
    expect(listA.items.map((i: { id: string }) => i.id)).toContain(idA);
    const lead = await h.signIn('lead1');
    const listLead = await (await h.get('/api/instances?limit=100', lead)).json();
    expect(listLead.items.map((i: { id: string }) => i.id)).toContain(idA);
  });

  it('readers who may not act get 403: the auditor sees it but cannot move it', async () => {
    const auditor = await h.signIn('auditor');
    expect((await h.get(`/api/instances/${idA}`, auditor)).status).toBe(200);
    const res = await fire(auditor, idA, { type: 'SUBMIT', expectedVersion: 1 });
    expect(res.status).toBe(403);
  });
});

describe('idempotency', () => {
  it('a replay with the same key returns the identical body and writes nothing', async () => {
    const { body: view } = await startAt(pa, h.orgs.schoolA);
    const key = { 'idempotency-key': 'submit-once-1' };
    const first = await fire(pa, view.id, { type: 'SUBMIT', expectedVersion: 1 }, key);
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    const audits = await auditCount('instance.event');
    const again = await fire(pa, view.id, { type: 'SUBMIT', expectedVersion: 1 }, key);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(firstBody);
    expect(await auditCount('instance.event')).toBe(audits);
    expect((await h.db.select().from(instances).where(eq(instances.id, view.id)).limit(1))[0]?.version).toBe(2);
  });

  it('the same key with a different body is 422 IDEMPOTENCY_MISMATCH', async () => {
    const { body: view } = await startAt(pa, h.orgs.schoolA);
    const key = { 'idempotency-key': 'submit-once-2' };
    await fire(pa, view.id, { type: 'SUBMIT', expectedVersion: 1 }, key);
    const other = await fire(pa, view.id, { type: 'SUBMIT', expectedVersion: 2, comment: 'x' }, key);
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('starting twice with one key creates one instance', async () => {
    const key = { 'idempotency-key': 'start-once' };
    const body = { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '一次' } };
    const a = await h.post('/api/instances', body, pa, key);
    const b = await h.post('/api/instances', body, pa, key);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect((await a.json()).id).toBe((await b.json()).id);
  });
});
