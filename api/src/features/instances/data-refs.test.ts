import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Started = { id: string; version: number };

describe('GET /instances/{id} names the ids its data carries', () => {
  it('campus entry: schools by name, the merged request by title (both ways)', async () => {
    const file = async (schoolIds: string[], title: string): Promise<Started> => {
      const res = await h.start('outside', 'campus-entry', h.orgs.district, {
        itemCode: 'XF-01',
        title,
        activityDate: '2027-01-08',
        schoolIds,
        studentHours: 2,
        teacherHours: 1,
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return res.json();
    };
    const first = await file([h.orgs.schoolA, h.orgs.schoolB], '消防安全进校园');
    const second = await file([h.orgs.schoolB, h.orgs.schoolA2], '消防演练进校园');
    const merged = await h.post(
      '/api/campus-entry/merges',
      {
        survivor: { id: first.id, expectedVersion: first.version },
        absorbed: [{ id: second.id, expectedVersion: second.version }],
        comment: '合并为一次活动',
      },
      await h.as('reviewer1'),
    );
    expect(merged.status, await merged.clone().text()).toBe(200);

    const survivor = await h.view(first.id, 'reviewer1');
    expect(survivor.refs).toMatchObject({
      [h.orgs.schoolA]: { kind: 'organisation', name: '实验小学' },
      [h.orgs.schoolB]: { kind: 'organisation', name: '育才小学' },
      [h.orgs.schoolA2]: { kind: 'organisation', name: '实验小学分校' },
      [second.id]: { kind: 'instance', name: '消防演练进校园' },
    });
    const absorbed = await h.view(second.id, 'outside');
    expect(absorbed.data.mergedInto).toBe(first.id);
    expect(absorbed.refs?.[first.id]).toEqual({ kind: 'instance', name: '消防安全进校园' });
  });

  it('inspection: the assigned inspector by name for the bureau; unnamed for a principal who may not read that person', async () => {
    const res = await h.start(
      'admin',
      'security-inspection',
      h.orgs.schoolA,
      { round: '2026年秋季' },
      { inspector: [h.users.inspector] },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as Started;
    const bureau = await h.view(id, 'reviewer1');
    expect(bureau.assignments).toEqual([{ role: 'inspector', userIds: [h.users.inspector] }]);
    expect(bureau.refs?.[h.users.inspector!]).toEqual({ kind: 'user', name: 'inspector' });
    const school = await h.view(id, 'principalA');
    expect(school.assignments).toEqual([{ role: 'inspector', userIds: [h.users.inspector] }]);
    expect(school.refs?.[h.users.inspector!]).toEqual({ kind: 'user', name: null });
  });

  it('a merged-in request the viewer may not read is named null, not by its title', async () => {
    const file = async (schoolIds: string[], title: string): Promise<Started> => {
      const res = await h.start('outside', 'campus-entry', h.orgs.district, {
        itemCode: 'FZ-01',
        title,
        activityDate: '2027-01-11',
        schoolIds,
        studentHours: 1,
        teacherHours: 1,
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return res.json();
    };
    const first = await file([h.orgs.schoolA], '法治讲座（实验小学）');
    const second = await file([h.orgs.schoolB], '法治讲座（育才小学）');
    const merged = await h.post(
      '/api/campus-entry/merges',
      {
        survivor: { id: first.id, expectedVersion: first.version },
        absorbed: [{ id: second.id, expectedVersion: second.version }],
        comment: '合并',
      },
      await h.as('reviewer1'),
    );
    expect(merged.status, await merged.clone().text()).toBe(200);
    expect((await h.fire(first.id, 'reviewer1', 'APPROVE')).status).toBe(200);
    // principalA now confirms the merged activity, but the absorbed request was for 育才小学 only.
    const school = await h.view(first.id, 'principalA');
    expect(school.data.mergedFrom).toEqual([second.id]);
    expect(school.refs?.[second.id]).toEqual({ kind: 'instance', name: null });
    expect((await h.view(first.id, 'reviewer1')).refs?.[second.id]).toEqual({
      kind: 'instance',
      name: '法治讲座（育才小学）',
    });
  });
});
