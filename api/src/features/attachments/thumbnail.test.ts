import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents } from '../../db/schema.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

// The smallest valid PNG (1×1): a photo of the server room as evidence.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

let h: Harness;
let pa: Session;
let instanceId: string;
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  pa = await h.signIn('principalA');
  const res = await h.post(
    '/api/instances',
    { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '自查' } },
    pa,
  );
  instanceId = ((await res.json()) as { id: string }).id;
});
afterAll(() => h.close());

async function upload(bytes: Uint8Array, name: string, type: string): Promise<{ id: string; url: string }> {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  form.set('instanceId', instanceId);
  const res = await h.app.request('/api/attachments', {
    method: 'POST',
    headers: { cookie: pa.cookie, 'x-csrf-token': pa.csrf },
    body: form,
  });
  expect(res.status).toBe(201);
  return res.json();
}
const downloads = async (attachmentId: string) =>
  (
    await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'attachment.download'), eq(auditEvents.entityId, instanceId)))
  ).filter((e) => (e.meta as { attachmentId?: string }).attachmentId === attachmentId);

describe('a thumbnail is not a download (issue 12.11b)', () => {
  it('serves an image small in a list inline without an audit event; opening or downloading it is audited', async () => {
    const photo = await upload(PNG, '机房照片.png', 'image/png');
    for (let i = 0; i < 3; i++) {
      const thumb = await h.get(`${photo.url}?thumb=1`, pa);
      expect(thumb.status).toBe(200);
      expect(thumb.headers.get('content-disposition')).toMatch(/^inline;/);
      expect(new Uint8Array(await thumb.arrayBuffer())).toEqual(PNG);
    }
    expect(await downloads(photo.id)).toHaveLength(0);
    expect((await h.get(`${photo.url}?inline=1`, pa)).status).toBe(200);
    expect((await h.get(photo.url, pa)).status).toBe(200);
    expect(await downloads(photo.id)).toHaveLength(2);
  });

  it('refuses a thumbnail of what is not an image (422, in both languages), and one the caller may not read (404)', async () => {
    const pdf = await upload(PDF, '整改证明.pdf', 'application/pdf');
    const res = await h.get(`${pdf.url}?thumb=1`, pa);
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.message['zh-CN']).toContain('只有图片');
    expect(error.message.en).toContain('Only images');
    expect((await h.get(`${pdf.url}?thumb=1`, await h.signIn('principalB'))).status).toBe(404);
    expect(await downloads(pdf.id)).toHaveLength(0);
  });
});
