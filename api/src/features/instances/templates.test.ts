import { TEMPLATES } from '@eduflow/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let admin: Session;
const published: Record<string, string> = {};

beforeAll(async () => {
  h = await makeHarness();
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

describe('the built-in workflows through the API', () => {
  it.each(Object.keys(TEMPLATES))('%s: the API accepts and publishes it', async (key) => {
    const created = await h.post('/api/definitions', { definition: TEMPLATES[key] }, admin);
    expect(created.status, JSON.stringify(await created.clone().json())).toBe(201);
    const { id } = await created.json();
    // Approved by a reviewer: the admin who drafted it may not publish it (four eyes).
    expect((await h.post(`/api/definitions/${id}/publish`, undefined, await h.signIn('reviewer1'))).status).toBe(200);
    published[key] = id;
  });

  it('campus entry: listed schools’ principals get the confirmation work and may open the request; others may not', async () => {
    const outside = await h.signIn('outside');
    const started = await h.post(
      '/api/instances',
      {
        definitionId: published['campus-entry'],
        subjectOrgId: h.orgs.district,
        data: {
          itemCode: 'W-01',
          title: '交通安全进校园',
          activityDate: '2026-12-10',
          schoolIds: [h.orgs.schoolA, h.orgs.schoolB],
          studentHours: 1,
          teacherHours: 1,
        },
      },
      outside,
    );
    expect(started.status, JSON.stringify(await started.clone().json())).toBe(201);
    const view = await started.json();
    expect(view.state).toBe('bureauReview');

    const reviewer = await h.signIn('reviewer1');
    const approved = await h.post(
      `/api/instances/${view.id}/events`,
      { type: 'APPROVE', expectedVersion: view.version },
      reviewer,
    );
    expect(approved.status, JSON.stringify(await approved.clone().json())).toBe(200);
    expect((await approved.json()).state).toBe('schoolConfirm');

    const [pa, pb, pa2] = await Promise.all(['principalA', 'principalB', 'principalA2'].map((u) => h.signIn(u)));
    for (const p of [pa, pb]) {
      const inbox = await (await h.get('/api/tasks', p)).json();
      expect(inbox.items.map((t: { instanceId: string }) => t.instanceId)).toContain(view.id);
      expect((await h.get(`/api/instances/${view.id}`, p)).status).toBe(200);
    }
    expect((await h.get(`/api/instances/${view.id}`, pa2)).status).toBe(404);
    expect((await (await h.get('/api/tasks', pa2)).json()).items).toEqual([]);

    const current = await (await h.get(`/api/instances/${view.id}`, pa)).json();
    const part = await h.post(
      `/api/instances/${view.id}/events`,
      { type: 'SUBMIT_PART', data: { decision: 'confirm' }, expectedVersion: current.version },
      pa,
    );
    expect(part.status, JSON.stringify(await part.clone().json())).toBe(200);
    // The outside department follows its own request.
    expect((await h.get(`/api/instances/${view.id}`, outside)).status).toBe(200);
  });

  it('campus entry: commercial requests and schools over their semester cap are refused by named rules', async () => {
    const outside = await h.signIn('outside');
    const request = (schoolIds: string[], extra: Record<string, unknown> = {}) =>
      h.post(
        '/api/instances',
        {
          definitionId: published['campus-entry'],
          subjectOrgId: h.orgs.district,
          data: { itemCode: 'W-02', title: '防溺水宣讲', activityDate: '2026-12-11', schoolIds, ...extra },
        },
        outside,
      );
    const commercial = await (await request([h.orgs.schoolA2], { commercial: true })).json();
    expect(commercial).toMatchObject({ state: 'refused', status: 'completed', outcome: 'rejected' });

    // School B already has one request from the previous test; five more reach the cap of six.
    for (let i = 0; i < 5; i += 1) expect((await (await request([h.orgs.schoolB])).json()).state).toBe('bureauReview');
    const over = await (await request([h.orgs.schoolB])).json();
    expect(over.state).toBe('refused');
    const other = await (await request([h.orgs.schoolA2])).json();
    expect(other.state).toBe('bureauReview');
  });
});
