import { TEMPLATES } from '@eduflow/workflows';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import schoolReport from '../../test/fixtures/school-report.json' with { type: 'json' };
import { type Harness, makeHarness, PASSWORD } from '../../test/harness.js';
import { createUser } from '../users/create-user.js';

let h: Harness;
let definitionId: string;
let reviewer3 = '';
const reviewer3Id = () => reviewer3;
beforeAll(async () => {
  h = await makeHarness();
  // The fixture with 转办 and 催办 offered on both steps.
  const states = Object.fromEntries(
    Object.entries(schoolReport.states).map(([k, v]) => [
      k,
      'on' in v ? { ...v, mechanics: ['TRANSFER', 'CHASE'] } : v,
    ]),
  );
  definitionId = await h.publish({ ...schoolReport, key: 'school-report-mech', states });
});
afterAll(() => h.close());

type Inbox = { items: Array<{ id: string; instanceId: string; purpose: string }> };
type Result = { done: number; failed: Array<{ taskId: string; code: string; message: { 'zh-CN': string } }> };

describe('POST /tasks/bulk', () => {
  it('reassigns every open task of a departing reviewer to a successor, each through the engine', async () => {
    const pa = await h.signIn('principalA');
    for (const title of ['一月报告', '二月报告']) {
      const view = (await (
        await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title } }, pa)
      ).json()) as { id: string };
      expect(
        (await h.post(`/api/instances/${view.id}/events`, { type: 'SUBMIT', expectedVersion: 1 }, pa)).status,
      ).toBe(200);
    }
    // The successor joins after the reviews opened, so they are not an assignee yet.
    reviewer3 = (
      await createUser(h.deps, {
        username: 'reviewer3',
        displayName: '王审核',
        password: PASSWORD,
        roles: [{ role: 'bureauReviewer', orgId: h.orgs.district }],
      })
    ).id;
    const before = (await (await h.get('/api/tasks', await h.signIn('reviewer2'))).json()) as Inbox;
    expect(before.items).toHaveLength(2);

    expect(
      (
        await h.post(
          '/api/tasks/bulk',
          { action: 'reassign', fromUserId: h.users.reviewer2, toUserId: h.users.reviewer2 },
          await h.signIn('admin'),
        )
      ).status,
    ).toBe(422);
    const res = await h.post(
      '/api/tasks/bulk',
      { action: 'reassign', fromUserId: h.users.reviewer2, toUserId: reviewer3Id() },
      await h.signIn('admin'),
    );
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toEqual({ done: 2, failed: [] });
    expect(((await (await h.get('/api/tasks', await h.signIn('reviewer2'))).json()) as Inbox).items).toEqual([]);
    const successor = (await (await h.get('/api/tasks', await h.signIn('reviewer3'))).json()) as Inbox;
    expect(successor.items.map((t) => t.purpose)).toEqual(['review', 'review']);
    expect(
      (
        await h.post(
          '/api/tasks/bulk',
          { action: 'reassign', fromUserId: h.users.reviewer1, toUserId: h.users.reviewer2 },
          pa,
        )
      ).status,
    ).toBe(403);
  });

  it('hands over a review in a step that offers no 转办: the administrator fires REASSIGN, audited with both names', async () => {
    const states = Object.fromEntries(
      Object.entries(schoolReport.states).map(([k, v]) => [k, 'on' in v ? { ...v, mechanics: ['CHASE'] } : v]),
    );
    const noTransfer = await h.publish({ ...schoolReport, key: 'school-report-no-transfer', states });
    const pa = await h.signIn('principalA');
    const view = (await (
      await h.post(
        '/api/instances',
        { definitionId: noTransfer, subjectOrgId: h.orgs.schoolA, data: { title: '四月报告' } },
        pa,
      )
    ).json()) as { id: string };
    expect((await h.post(`/api/instances/${view.id}/events`, { type: 'SUBMIT', expectedVersion: 1 }, pa)).status).toBe(
      200,
    );
    const reviewer1 = await h.signIn('reviewer1');
    const own = ((await (await h.get('/api/tasks', reviewer1)).json()) as Inbox).items.find(
      (t) => t.instanceId === view.id,
    );
    // The reviewer cannot transfer it themselves here...
    expect(
      (
        await h.post(
          `/api/instances/${view.id}/events`,
          { type: 'TRANSFER', data: { to: reviewer3Id() }, expectedVersion: 2 },
          reviewer1,
        )
      ).status,
    ).toBe(409);
    // ...nor fire REASSIGN, which is the bureau administrator's.
    expect(
      (
        await h.post(
          `/api/instances/${view.id}/events`,
          { type: 'REASSIGN', data: { from: h.users.reviewer1, to: reviewer3Id() }, expectedVersion: 2 },
          reviewer1,
        )
      ).status,
    ).toBe(403);
    // reviewer3 already holds a seat in this review (they existed when it opened): refused for this item, with the reason.
    const admin = await h.signIn('admin');
    const taken = (await (
      await h.post(
        '/api/tasks/bulk',
        { action: 'reassign', fromUserId: h.users.reviewer1, toUserId: reviewer3Id(), taskIds: [own?.id ?? ''] },
        admin,
      )
    ).json()) as Result;
    expect(taken).toEqual({
      done: 0,
      failed: [
        {
          taskId: own?.id,
          instanceId: view.id,
          code: 'VALIDATION',
          message: expect.objectContaining({ 'zh-CN': '此人已是本环节审核人' }),
        },
      ],
    });
    const reviewer4 = (
      await createUser(h.deps, {
        username: 'reviewer4',
        displayName: '赵审核',
        password: PASSWORD,
        roles: [{ role: 'bureauReviewer', orgId: h.orgs.district }],
      })
    ).id;
    const res = await h.post(
      '/api/tasks/bulk',
      { action: 'reassign', fromUserId: h.users.reviewer1, toUserId: reviewer4, taskIds: [own?.id ?? ''] },
      admin,
    );
    expect(await res.json()).toEqual({ done: 1, failed: [] });
    const successor = ((await (await h.get('/api/tasks', await h.signIn('reviewer4'))).json()) as Inbox).items;
    expect(successor.filter((t) => t.instanceId === view.id).map((t) => t.purpose)).toEqual(['review']);
    const [audit] = (await h.sql(
      sql`select actor_id, meta from audit_events where action = 'instance.event' and entity_id = ${view.id} and outcome = 'success' order by seq desc limit 1`,
    )) as Array<{ actor_id: string; meta: string }>;
    expect([audit?.actor_id, JSON.parse(audit?.meta ?? 'null').reassign]).toEqual([
      h.users.admin,
      { from: h.users.reviewer1, to: reviewer4 },
    ]);
  });

  it('hands over an assignment before its step: the inspection the departing inspector was assigned opens for the successor', async () => {
    const inspection = await h.publish(TEMPLATES['security-inspection']);
    const admin = await h.signIn('admin');
    const started = (await (
      await h.post(
        '/api/instances',
        {
          definitionId: inspection,
          subjectOrgId: h.orgs.schoolA,
          data: { round: '移交测试', items: CHECKLIST_V1.items },
          assignments: { inspector: [h.users.inspector] },
        },
        admin,
      )
    ).json()) as { id: string; state: string; version: number };
    expect(started.state).toBe('selfCheck');
    const successor = (
      await createUser(h.deps, {
        username: 'inspector2',
        displayName: '新检查员',
        password: PASSWORD,
        roles: [{ role: 'inspector', orgId: h.orgs.district }],
      })
    ).id;
    const res = await h.post(
      '/api/tasks/bulk',
      { action: 'reassign', fromUserId: h.users.inspector, toUserId: successor },
      admin,
    );
    expect(await res.json()).toEqual({ done: 1, failed: [] });
    const items = CHECKLIST_V1.items.map((i) => ({ ...i, result: 'pass' }));
    const submitted = await h.post(
      `/api/instances/${started.id}/events`,
      { type: 'SUBMIT', data: { items }, expectedVersion: started.version + 1 },
      await h.signIn('principalA'),
    );
    expect(submitted.status, JSON.stringify(await submitted.clone().json())).toBe(200);
    const inbox = async (who: string) =>
      ((await (await h.get('/api/tasks', await h.signIn(who))).json()) as Inbox).items.filter(
        (t) => t.instanceId === started.id,
      );
    expect(await inbox('inspector')).toEqual([]);
    expect((await inbox('inspector2')).map((t) => t.purpose)).toEqual(['act']);
    // Nothing of theirs is left to hand over: a second run finds no work.
    expect(
      await (
        await h.post(
          '/api/tasks/bulk',
          { action: 'reassign', fromUserId: h.users.inspector, toUserId: successor },
          admin,
        )
      ).json(),
    ).toEqual({ done: 0, failed: [] });
  });

  it('chases many tasks, reporting unknown or refused ones per item', async () => {
    const pa = await h.signIn('principalA');
    const view = (await (
      await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '三月报告' } }, pa)
    ).json()) as { id: string; openTasks: Array<{ id: string }> };
    const taskId = view.openTasks[0]?.id ?? '';
    const res = await h.post(
      '/api/tasks/bulk',
      { action: 'chase', taskIds: [taskId, 'no-such-task'] },
      await h.signIn('reviewer1'),
    );
    const body = (await res.json()) as Result;
    expect(body.done).toBe(1);
    expect(body.failed).toEqual([
      { taskId: 'no-such-task', code: 'NOT_FOUND', message: expect.objectContaining({ 'zh-CN': expect.any(String) }) },
    ]);
    const notes = (await (await h.get('/api/notifications?limit=100', pa)).json()) as {
      items: Array<{ kind: string; instanceId: string }>;
    };
    expect(notes.items).toContainEqual(expect.objectContaining({ kind: 'chase', instanceId: view.id }));
    // A principal may not chase: the engine's refusal comes back for the item, the request still answers 200.
    const refused = (await (
      await h.post('/api/tasks/bulk', { action: 'chase', taskIds: [taskId] }, await h.signIn('principalA2'))
    ).json()) as Result;
    expect(refused.done).toBe(0);
    expect(refused.failed[0]?.taskId).toBe(taskId);
    expect((await h.post('/api/tasks/bulk', { action: 'chase', taskIds: [] }, pa)).status).toBe(400);
  });
});
