import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKLIST_V1, WHITELIST_2026 } from '../../test/fixtures/reference-docs.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await makeHarness();
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

describe('versioned reference data', () => {
  it('a bureau admin drafts, a reviewer publishes (then immutable) and versions; others read only what is published', async () => {
    const draft = await h.post(
      '/api/reference/checklists',
      { name: '学校网络安全检查表', content: CHECKLIST_V1 },
      admin,
    );
    expect(draft.status, JSON.stringify(await draft.clone().json())).toBe(201);
    const d = await draft.json();
    expect(d).toMatchObject({ kind: 'checklist', key: 'school-network', version: 1, status: 'draft' });
    const principal = await h.signIn('principalA');
    expect((await (await h.get('/api/reference/checklists', principal)).json()).items).toEqual([]);
    const pub = await h.post(`/api/reference/checklists/${d.id}/publish`, undefined, await h.signIn('reviewer1'));
    expect(await pub.json()).toMatchObject({ status: 'published', version: 1 });
    expect((await (await h.get('/api/reference/checklists', principal)).json()).items).toHaveLength(1);
    const v2 = await (
      await h.post('/api/reference/checklists', { name: '学校网络安全检查表', content: CHECKLIST_V1 }, admin)
    ).json();
    expect(v2.version).toBe(2);
    const page1 = await (await h.get('/api/reference/checklists?limit=1', admin)).json();
    expect(page1.items.map((r: { version: number }) => r.version)).toEqual([2]);
    const page2 = await (await h.get(`/api/reference/checklists?limit=1&cursor=${page1.nextCursor}`, admin)).json();
    expect(page2).toMatchObject({ items: [{ version: 1, status: 'published' }], nextCursor: null });
    const audit = await h.sql(
      sql`select action, outcome from audit_events where entity_type = 'ReferenceData' order by seq`,
    );
    expect(audit).toEqual([
      { action: 'reference.create', outcome: 'success' },
      { action: 'reference.publish', outcome: 'success' },
      { action: 'reference.create', outcome: 'success' },
    ]);
  });

  it('refuses writes by others (403, audited) and bad content with field messages (422)', async () => {
    const reviewer = await h.signIn('reviewer1');
    expect(
      (await h.post('/api/reference/whitelists', { name: '白名单', content: WHITELIST_2026 }, reviewer)).status,
    ).toBe(403);
    const bad = await h.post(
      '/api/reference/checklists',
      { name: 'x', content: { key: 'k', items: [{ code: 'A', layer: '未知层', title: 't' }] } },
      admin,
    );
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(Object.keys(body.error.fieldErrors)).toEqual(['content.items.0.layer']);
    expect(body.error.fieldErrors['content.items.0.layer']['zh-CN']).toBeTruthy();
    expect((await h.post('/api/reference/rubrics', { name: 'x', content: {} }, admin)).status).toBe(400);
    expect((await h.post('/api/reference/checklists/nope/publish', undefined, admin)).status).toBe(404);
  });
});
