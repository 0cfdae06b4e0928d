import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { jsonText } from '../../db/sql-dialect.js';
import { TEMPLATES } from '../../engine.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { PASSWORD } from '../../test/harness.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { createUser } from '../users/create-user.js';

/**
 * Every seeded role against the two ways people are brought into an instance by name (issues 10.2,
 * 10.3): naming assignees when starting (only roles that may assign), being taken off an assignment
 * (the access it gave goes with it), and copy-to (抄送: only inside the instance's organisations or the
 * bureau, the refusal naming the person).
 */
let h: WorkflowHarness;
const EVERYONE = [
  'admin',
  'reviewer1',
  'reviewer2',
  'lead1',
  'principalA',
  'principalA2',
  'principalB',
  'teacherA',
  'inspector',
  'expert',
  'expertA2',
  'outside',
  'auditor',
];

beforeAll(async () => {
  h = await makeWorkflowHarness();
  for (const [username, role] of [
    ['inspector2', 'inspector'],
    ['expertE', 'expert'],
    ['expertF', 'expert'],
    ['expertG', 'expert'],
  ] as const) {
    h.users[username] = (
      await createUser(h.deps, {
        username,
        displayName: username,
        password: PASSWORD,
        roles: [{ role, orgId: h.orgs.district }],
      })
    ).id;
  }
});
afterAll(() => h.close());

const count = async (query: SQL) => Number((await h.sql(query))[0]?.n);
const reads = async (who: string, id: string) => {
  const paths = [`/api/instances/${id}`, `/api/instances/${id}/history`, `/api/attachments?instanceId=${id}`];
  const statuses = await Promise.all(paths.map(async (p) => (await h.get(p, await h.as(who))).status));
  return new Set(statuses).size === 1 ? statuses[0] : statuses.join();
};
const inbox = async (who: string, id: string) =>
  (
    (await (await h.get('/api/tasks', await h.as(who))).json()) as { items: Array<{ instanceId: string }> }
  ).items.filter((t) => t.instanceId === id).length;
const inspection = (round: string) => ({ round, items: CHECKLIST_V1.items });
const passed = CHECKLIST_V1.items.map((i) => ({ ...i, result: 'pass' }));
const submission = (title: string) => ({
  category: 'achievement',
  title,
  completers: [{ name: '张老师', unit: '实验小学' }],
  practiceYears: 3,
  summaryReport: '总结',
});

describe('naming assignees when starting an instance', () => {
  // Bureau staff may assign; principals, teachers and outside bodies may start instances but not name who acts in them.
  const MAY_ASSIGN = ['admin', 'reviewer1', 'reviewer2'];
  const MAY_START_HERE = ['principalA', 'teacherA', 'outside'];

  it.each(EVERYONE)('%s', async (who) => {
    const instancesBefore = await count(sql`select count(*) as n from instances`);
    const deniedBefore = await count(
      sql`select count(*) as n from audit_events where action = 'instance.start' and outcome = 'denied' and actor_id = ${h.users[who]}`,
    );
    const res = await h.start(who, 'security-inspection', h.orgs.schoolA, inspection(`指派-${who}`), {
      inspector: [h.users.inspector],
    });
    if (MAY_ASSIGN.includes(who)) {
      expect(res.status, await res.clone().text()).toBe(201);
      expect(await reads('inspector', ((await res.json()) as { id: string }).id)).toBe(200);
      return;
    }
    expect(res.status).toBe(403);
    const message = ((await res.json()) as { error: { message: Record<string, string> } }).error.message['zh-CN'];
    if (MAY_START_HERE.includes(who)) expect(message).toContain('只有教委人员');
    expect(await count(sql`select count(*) as n from instances`)).toBe(instancesBefore);
    expect(
      await count(
        sql`select count(*) as n from audit_events where action = 'instance.start' and outcome = 'denied' and actor_id = ${h.users[who]}`,
      ),
    ).toBe(deniedBefore + 1);
  });
});

describe('taken off an assignment, one loses the access it gave', () => {
  let id: string;
  beforeAll(async () => {
    id = (
      (await (
        await h.start('admin', 'security-inspection', h.orgs.schoolA, inspection('移交矩阵'), {
          inspector: [h.users.inspector],
        })
      ).json()) as { id: string }
    ).id;
    expect((await h.fire(id, 'principalA', 'SUBMIT', { data: { items: passed } })).status).toBe(200);
    // The inspector now has the inspection in their inbox: a task, not only an assignment, gives them access.
    expect(await inbox('inspector', id)).toBe(1);
  });

  // Only a bureau admin hands work over (CASL `update`); readers are refused, everyone else learns nothing (404).
  const READERS = ['reviewer1', 'reviewer2', 'lead1', 'principalA', 'inspector', 'auditor'];
  it.each(EVERYONE.filter((u) => u !== 'admin'))('%s may not hand the inspector’s work over', async (who) => {
    const res = await h.fire(id, who, 'REASSIGN', {
      data: { from: h.users.inspector, to: h.users.inspector2 },
      comment: '人员调整',
    });
    expect(res.status).toBe(READERS.includes(who) ? 403 : 404);
  });

  it('admin hands it over: the inspector can no longer read the inspection, the successor can', async () => {
    const res = await h.fire(id, 'admin', 'REASSIGN', {
      data: { from: h.users.inspector, to: h.users.inspector2 },
      comment: '人员调整',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await reads('inspector', id)).toBe(404);
    expect(await inbox('inspector', id)).toBe(0);
    expect(await reads('inspector2', id)).toBe(200);
    expect(await inbox('inspector2', id)).toBe(1);
  });

  it('an expert replaced while scoring loses the submission; the submitting side still sees three anonymous experts', async () => {
    const sub = (
      (await (await h.start('teacherA', 'teaching-award', h.orgs.schoolA, submission('换人评审'))).json()) as {
        id: string;
      }
    ).id;
    expect((await h.fire(sub, 'principalA', 'RECOMMEND')).status).toBe(200);
    expect(
      (
        await h.fire(sub, 'reviewer1', 'PASS', {
          data: { experts: [h.users.expert, h.users.expertB, h.users.expertD] },
        })
      ).status,
    ).toBe(200);
    expect(await reads('expert', sub)).toBe(200);
    const handOver = (to: string) =>
      h.fire(sub, 'admin', 'REASSIGN', { data: { from: h.users.expert, to: h.users[to] }, comment: '专家回避' });
    // The successor is judged as the assignment was: an expert (not the submitting school's principal), outside the school's group (回避).
    const principal = await handOver('principalA');
    expect(principal.status).toBe(422);
    expect((await principal.json()).error.fieldErrors.to['zh-CN']).toContain('expert');
    const conflicted = await handOver('expertA2');
    expect(conflicted.status).toBe(422);
    expect((await conflicted.json()).error).toMatchObject({
      rule: 'notConflicted',
      fieldErrors: { to: expect.anything() },
    });
    expect((await h.view(sub)).data.experts).toEqual([h.users.expert, h.users.expertB, h.users.expertD]);
    expect(await reads('expertA2', sub)).toBe(404);
    const moved = await handOver('expertE');
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await reads('expert', sub)).toBe(404);
    expect(await reads('expertE', sub)).toBe(200);
    const seen = await (await h.get(`/api/instances/${sub}`, await h.as('teacherA'))).json();
    expect(seen.assignments).toEqual([{ role: 'expert', userIds: [], anonymous: 3 }]);
    const trail = JSON.stringify(await (await h.get(`/api/instances/${sub}/history`, await h.as('teacherA'))).json());
    for (const u of ['expert', 'expertB', 'expertD', 'expertE']) expect(trail).not.toContain(h.users[u]);
  });

  it('experts replaced by a second assignment (a copy that sends an objection back to the formal check) lose the submission', async () => {
    const doc = structuredClone(TEMPLATES['teaching-award']) as unknown as {
      key: string;
      states: Record<string, { on?: Record<string, { to: string }> }>;
    };
    const reopen = Object.values(doc.states)
      .flatMap((s) => Object.entries(s.on ?? {}))
      .find(([event]) => event === 'REOPEN')?.[1];
    const formal = Object.entries(doc.states).find(([, s]) =>
      Object.values(s.on ?? {}).some((t) => 'assigns' in t),
    )?.[0];
    if (!reopen || !formal) throw new Error('the template changed');
    reopen.to = formal;
    const definitionId = await h.publish({ ...doc, key: 'award-reassigned' });
    const started = await h.post(
      '/api/instances',
      { definitionId, subjectOrgId: h.orgs.schoolA, data: submission('二次分配') },
      await h.as('teacherA'),
    );
    const sub = ((await started.json()) as { id: string }).id;
    const first = [h.users.expert, h.users.expertB, h.users.expertD];
    expect((await h.fire(sub, 'principalA', 'RECOMMEND')).status).toBe(200);
    expect((await h.fire(sub, 'reviewer1', 'PASS', { data: { experts: first } })).status).toBe(200);
    for (const [who, score] of [
      ['expert', 80],
      ['expertB', 82],
      ['expertD', 84],
    ] as const)
      expect((await h.fire(sub, who, 'SUBMIT_PART', { data: { score } })).status).toBe(200);
    for (const [who, type] of [
      ['reviewer1', 'RANK'],
      ['reviewer1', 'PUBLISH'],
      ['expert', 'OBJECT'],
      ['reviewer1', 'REOPEN'],
    ] as const) {
      const res = await h.fire(sub, who, type, { comment: '办理意见' });
      expect(res.status, `${type}: ${await res.clone().text()}`).toBe(200);
    }
    const second = await h.fire(sub, 'reviewer1', 'PASS', {
      data: { experts: [h.users.expertE, h.users.expertF, h.users.expertG] },
    });
    expect(second.status, await second.clone().text()).toBe(200);
    for (const u of ['expert', 'expertB', 'expertD']) expect(await reads(u, sub), u).toBe(404);
    for (const u of ['expertE', 'expertF', 'expertG']) expect(await reads(u, sub), u).toBe(200);
  });
});

describe('copy-to (抄送) reaches only people inside the instance’s organisations or the bureau', () => {
  // For a school's instance: the bureau (admin, reviewers, inspectors), the group above, the school itself.
  const INSIDE = ['admin', 'reviewer1', 'reviewer2', 'lead1', 'principalA', 'teacherA', 'inspector'];
  const start = async () => {
    const res = await h.post(
      '/api/instances',
      { definitionId: await h.publish(), subjectOrgId: h.orgs.schoolA, data: { title: '抄送矩阵' } },
      await h.as('principalA'),
    );
    return ((await res.json()) as { id: string }).id;
  };

  it.each(EVERYONE)('to %s', async (target) => {
    const id = await start();
    const res = await h.fire(id, 'principalA', 'COPY_TO', { data: { to: [h.users[target]] }, comment: '请阅' });
    if (INSIDE.includes(target)) {
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await reads(target, id)).toBe(200);
      return;
    }
    expect(res.status).toBe(403);
    const error = (
      (await res.json()) as {
        error: { rule: string; message: Record<string, string>; fieldErrors: Record<string, unknown> };
      }
    ).error;
    expect(error.rule).toBe('inScope');
    expect(error.message['zh-CN']).toContain(`「${target}」`);
    expect(error.message.en).toContain(`"${target}"`);
    expect(error.fieldErrors.to).toEqual(error.message);
    // Nothing was granted: who could not read the instance still cannot (the auditor reads everything anyway).
    if (target !== 'auditor') expect(await reads(target, id)).toBe(404);
    expect(
      await count(
        sql`select count(*) as n from audit_events where entity_id = ${id} and outcome = 'denied' and ${jsonText(h.db, sql`meta`, ['rule'])} = 'inScope'`,
      ),
    ).toBe(1);
  });

  // Only the step's handler copies; readers who are not are refused, everyone else learns nothing.
  it.each(EVERYONE)('by %s', async (who) => {
    const id = await start();
    const res = await h.fire(id, who, 'COPY_TO', { data: { to: [h.users.teacherA] } });
    const expected: Record<string, number> = {
      principalA: 200,
      admin: 403,
      reviewer1: 403,
      reviewer2: 403,
      lead1: 403,
      auditor: 403,
    };
    expect(res.status, await res.clone().text()).toBe(expected[who] ?? 404);
    expect(await reads('teacherA', id)).toBe(who === 'principalA' ? 200 : 404);
  });
});
