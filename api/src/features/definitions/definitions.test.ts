import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import schoolReport from '../../test/fixtures/school-report.json' with { type: 'json' };
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let admin: Session, reviewer: Session, principal: Session, auditor: Session;
beforeAll(async () => {
  h = await makeHarness();
  [admin, reviewer, principal, auditor] = await Promise.all(
    ['admin', 'reviewer1', 'principalA', 'auditor'].map((u) => h.signIn(u)),
  );
});
afterAll(() => h.close());

describe('definitions', () => {
  it('admin creates a draft (201), versions count up per key, publishing (by a reviewer: four eyes) makes it visible to everyone', async () => {
    const first = await h.post('/api/definitions', { definition: schoolReport }, admin);
    expect(first.status).toBe(201);
    const draft = await first.json();
    expect(draft).toMatchObject({
      key: 'school-report',
      version: 1,
      status: 'draft',
      subject: 'school',
      name: schoolReport.name,
    });
    const second = await (await h.post('/api/definitions', { definition: schoolReport }, admin)).json();
    expect(second.version).toBe(2);

    // A principal sees no drafts, and a draft's id answers 404 to them.
    expect((await (await h.get('/api/definitions', principal)).json()).items).toEqual([]);
    expect((await h.get(`/api/definitions/${draft.id}`, principal)).status).toBe(404);

    const published = await h.post(`/api/definitions/${draft.id}/publish`, undefined, reviewer);
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const list = await (await h.get('/api/definitions', principal)).json();
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([draft.id]);
    const detail = await (await h.get(`/api/definitions/${draft.id}`, principal)).json();
    expect(detail.definition.states.review.kind).toBe('review');

    const adminDrafts = await (await h.get('/api/definitions?status=draft', admin)).json();
    expect(adminDrafts.items.map((d: { version: number }) => d.version)).toEqual([2]);
  });

  it('only the bureau may create (admin) or publish (403 for a principal and for the auditor)', async () => {
    expect((await h.post('/api/definitions', { definition: schoolReport }, principal)).status).toBe(403);
    const { id } = await (await h.post('/api/definitions', { definition: schoolReport }, admin)).json();
    expect((await h.post(`/api/definitions/${id}/publish`, undefined, auditor)).status).toBe(403);
    // The principal cannot even read a draft: unreadable answers 404, not 403.
    expect((await h.post(`/api/definitions/${id}/publish`, undefined, principal)).status).toBe(404);
  });

  it('an unpublished definition cannot be started', async () => {
    const { id } = await (await h.post('/api/definitions', { definition: schoolReport }, admin)).json();
    const res = await h.post(
      '/api/instances',
      { definitionId: id, subjectOrgId: h.orgs.schoolA, data: { title: 't' } },
      principal,
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.fieldErrors.definitionId).toBeTruthy();
  });
});

describe('organisations', () => {
  it('lists the tree for any signed-in user, filtered by type and parent', async () => {
    const schools = await (await h.get('/api/orgs?type=school', principal)).json();
    expect(schools.items.map((o: { name: string }) => o.name).sort()).toEqual(
      ['实验小学', '实验小学分校', '育才小学'].sort(),
    );
    const inGroup1 = await (await h.get(`/api/orgs?parentId=${h.orgs.group1}`, principal)).json();
    expect(inGroup1.items).toHaveLength(2);
    const groups = await (await h.get('/api/orgs?type=group', principal)).json();
    expect(groups.items[0]).toMatchObject({ type: 'group', parentId: h.orgs.district, groupKind: 'primary' });
    expect((await h.get('/api/orgs')).status).toBe(401);
  });
});
