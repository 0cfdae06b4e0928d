import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { jsonText } from '../../db/sql-dialect.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let definitionId: string;
let pa: Session;
beforeAll(async () => {
  h = await makeHarness();
  definitionId = await h.publish();
  pa = await h.signIn('principalA');
});
afterAll(() => h.close());

describe('approval mechanics through the API', () => {
  it('transfer (转办) to a live account moves the task to their inbox and lets them open the instance', async () => {
    const { id } = await (
      await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '转办' } }, pa)
    ).json();
    const res = await h.post(
      `/api/instances/${id}/events`,
      { type: 'TRANSFER', data: { to: h.users.teacherA }, comment: '请代为填报', expectedVersion: 1 },
      pa,
    );
    expect(res.status).toBe(200);
    const teacher = await h.signIn('teacherA');
    const inbox = await (await h.get('/api/tasks', teacher)).json();
    expect(inbox.items.map((t: { instanceId: string }) => t.instanceId)).toContain(id);
    expect((await h.get(`/api/instances/${id}`, teacher)).status).toBe(200);
  });

  it('transfer to an unknown account is 422 with a field error, and nothing moves', async () => {
    const { id } = await (
      await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '转办2' } }, pa)
    ).json();
    const res = await h.post(
      `/api/instances/${id}/events`,
      { type: 'TRANSFER', data: { to: 'ghost' }, expectedVersion: 1 },
      pa,
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.fieldErrors.to).toBeTruthy();
    const view = await (await h.get(`/api/instances/${id}`, pa)).json();
    expect(view.version).toBe(1);
  });

  it('copy-to (抄送) lets the copied person read the instance, only inside the instance\u2019s organisations or the bureau (issue 10.3)', async () => {
    const { id } = await (
      await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '抄送' } }, pa)
    ).json();
    // Another school's principal is outside school A's scope: refused by name, audited, nothing granted.
    const pb = await h.signIn('principalB');
    const outside = await h.post(
      `/api/instances/${id}/events`,
      { type: 'COPY_TO', data: { to: [h.users.principalB] }, expectedVersion: 1 },
      pa,
    );
    expect(outside.status).toBe(403);
    const error = (await outside.json()).error;
    expect(error.rule).toBe('inScope');
    expect(error.message['zh-CN']).toContain('principalB');
    expect((await h.get(`/api/instances/${id}`, pb)).status).toBe(404);
    const [denied] = await h.sql(
      sql`select count(*) as n from audit_events where entity_id = ${id} and action = 'instance.event' and outcome = 'denied' and ${jsonText(h.db, sql`meta`, ['type'])} = 'COPY_TO'`,
    );
    expect(denied?.n).toBe(1);
    // A teacher of the same school is inside it: the copy lets them read.
    const ta = await h.signIn('teacherA');
    expect((await h.get(`/api/instances/${id}`, ta)).status).toBe(404);
    const res = await h.post(
      `/api/instances/${id}/events`,
      { type: 'COPY_TO', data: { to: [h.users.teacherA] }, expectedVersion: 1 },
      pa,
    );
    expect(res.status).toBe(200);
    expect((await h.get(`/api/instances/${id}`, ta)).status).toBe(200);
  });
});
