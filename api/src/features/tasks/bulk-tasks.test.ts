import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../../test/harness.js';
import schoolReport from '../../test/fixtures/school-report.json' with { type: 'json' };
import { createUser } from '../users/create-user.js';

let h: Harness;
let definitionId: string;
let reviewer3 = '';
const reviewer3Id = () => reviewer3;
beforeAll(async () => {
  h = await makeHarness();
  // The fixture with 转办 and 催办 offered on both steps.
  const states = Object.fromEntries(Object.entries(schoolReport.states).map(([k, v]) => [k, 'on' in v ? { ...v, mechanics: ['TRANSFER', 'CHASE'] } : v]));
  definitionId = h.publish({ ...schoolReport, key: 'school-report-mech', states });
});
afterAll(() => h.close());

type Inbox = { items: Array<{ id: string; instanceId: string; purpose: string }> };
type Result = { done: number; failed: Array<{ taskId: string; code: string; message: { 'zh-CN': string } }> };

describe('POST /tasks/bulk', () => {
  it('reassigns every open task of a departing reviewer to a successor, each through the engine', async () => {
    const pa = await h.signIn('principalA');
    for (const title of ['一月报告', '二月报告']) {
      const view = (await (await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title } }, pa)).json()) as { id: string };
      expect((await h.post(`/api/instances/${view.id}/events`, { type: 'SUBMIT', expectedVersion: 1 }, pa)).status).toBe(200);
    }
    // The successor joins after the reviews opened, so they are not an assignee yet.
    reviewer3 = (await createUser(h.deps, { username: 'reviewer3', displayName: '王审核', password: 'Passw0rd-demo', roles: [{ role: 'bureauReviewer', orgId: h.orgs.district }] })).id;
    const before = (await (await h.get('/api/tasks', await h.signIn('reviewer2'))).json()) as Inbox;
    expect(before.items).toHaveLength(2);

    expect((await h.post('/api/tasks/bulk', { action: 'reassign', fromUserId: h.users.reviewer2, toUserId: h.users.reviewer2 }, await h.signIn('admin'))).status).toBe(422);
    const res = await h.post('/api/tasks/bulk', { action: 'reassign', fromUserId: h.users.reviewer2, toUserId: reviewer3Id() }, await h.signIn('admin'));
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toEqual({ done: 2, failed: [] });
    expect(((await (await h.get('/api/tasks', await h.signIn('reviewer2'))).json()) as Inbox).items).toEqual([]);
    const successor = (await (await h.get('/api/tasks', await h.signIn('reviewer3'))).json()) as Inbox;
    expect(successor.items.map((t) => t.purpose)).toEqual(['review', 'review']);
    expect((await h.post('/api/tasks/bulk', { action: 'reassign', fromUserId: h.users.reviewer1, toUserId: h.users.reviewer2 }, pa)).status).toBe(403);
  });

  it('chases many tasks, reporting unknown or refused ones per item', async () => {
    const pa = await h.signIn('principalA');
    const view = (await (await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '三月报告' } }, pa)).json()) as { id: string; openTasks: Array<{ id: string }> };
    const taskId = view.openTasks[0]?.id ?? '';
    const res = await h.post('/api/tasks/bulk', { action: 'chase', taskIds: [taskId, 'no-such-task'] }, await h.signIn('reviewer1'));
    const body = (await res.json()) as Result;
    expect(body.done).toBe(1);
    expect(body.failed).toEqual([{ taskId: 'no-such-task', code: 'NOT_FOUND', message: expect.objectContaining({ 'zh-CN': expect.any(String) }) }]);
    const notes = (await (await h.get('/api/notifications?limit=100', pa)).json()) as { items: Array<{ kind: string; instanceId: string }> };
    expect(notes.items).toContainEqual(expect.objectContaining({ kind: 'chase', instanceId: view.id }));
    // A principal may not chase: the engine's refusal comes back for the item, the request still answers 200.
    const refused = (await (await h.post('/api/tasks/bulk', { action: 'chase', taskIds: [taskId] }, await h.signIn('principalA2'))).json()) as Result;
    expect(refused.done).toBe(0);
    expect(refused.failed[0]?.taskId).toBe(taskId);
    expect((await h.post('/api/tasks/bulk', { action: 'chase', taskIds: [] }, pa)).status).toBe(400);
  });
});
