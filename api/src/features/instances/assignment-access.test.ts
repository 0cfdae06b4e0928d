import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { PASSWORD } from '../../test/harness.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { createUser } from '../users/create-user.js';

/** Issue 10.2: only roles whose rules allow assigning name assignees; taken off an assignment, one loses its access. */
let h: WorkflowHarness;
let inspector2: string;
beforeAll(async () => {
  h = await makeWorkflowHarness();
  inspector2 = (
    await createUser(h.deps, {
      username: 'inspector2',
      displayName: '李检查',
      password: PASSWORD,
      roles: [{ role: 'inspector', orgId: h.orgs.district }],
    })
  ).id;
});
afterAll(() => h.close());

const submission = {
  category: 'achievement',
  title: '自选专家的申报',
  completers: [{ name: '张老师', unit: '实验小学' }],
  practiceYears: 3,
  summaryReport: '总结',
};

describe('who may name assignees, and what an assignment gives', () => {
  it('a teacher starting a submission cannot name an expert (403, audited, nothing written); the bureau can name an inspector', async () => {
    const before = await h.sql(sql`select count(*) as n from instances`);
    const res = await h.post(
      '/api/instances',
      {
        definitionId: h.defs['teaching-award'],
        subjectOrgId: h.orgs.schoolA,
        data: submission,
        assignments: { expert: [h.users.expertA2] },
      },
      await h.as('teacherA'),
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.message['zh-CN']).toContain('只有教委人员');
    expect(await h.sql(sql`select count(*) as n from instances`)).toEqual(before);
    const [denied] = await h.sql(
      sql`select count(*) as n from audit_events where action = 'instance.start' and outcome = 'denied' and actor_id = ${h.users.teacherA}`,
    );
    expect(denied?.n).toBe(1);
    // Without assignments the same submission starts.
    expect(
      (
        await h.post(
          '/api/instances',
          { definitionId: h.defs['teaching-award'], subjectOrgId: h.orgs.schoolA, data: submission },
          await h.as('teacherA'),
        )
      ).status,
    ).toBe(201);
    const byBureau = await h.post(
      '/api/instances',
      {
        definitionId: h.defs['security-inspection'],
        subjectOrgId: h.orgs.schoolA,
        data: { round: '指派', items: CHECKLIST_V1.items },
        assignments: { inspector: [h.users.inspector] },
      },
      await h.as('reviewer1'),
    );
    expect(byBureau.status).toBe(201);
  });

  it('an inspector handed over to a successor no longer reads the inspection they were assigned to', async () => {
    const started = await h.post(
      '/api/instances',
      {
        definitionId: h.defs['security-inspection'],
        subjectOrgId: h.orgs.schoolA,
        data: { round: '移交', items: CHECKLIST_V1.items },
        assignments: { inspector: [h.users.inspector] },
      },
      await h.as('admin'),
    );
    const { id, version } = (await started.json()) as { id: string; version: number };
    expect((await h.get(`/api/instances/${id}`, await h.as('inspector'))).status).toBe(200);
    const moved = await h.post(
      `/api/instances/${id}/events`,
      {
        type: 'REASSIGN',
        data: { from: h.users.inspector, to: inspector2 },
        comment: '人员调整',
        expectedVersion: version,
      },
      await h.as('admin'),
    );
    expect(moved.status, JSON.stringify(await moved.clone().json())).toBe(200);
    expect((await h.get(`/api/instances/${id}`, await h.as('inspector'))).status).toBe(404);
    expect((await h.get(`/api/instances/${id}`, await h.as('inspector2'))).status).toBe(200);
  });
});
