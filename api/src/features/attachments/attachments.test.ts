import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApp } from '../../app.js';
import { auditEvents } from '../../db/schema.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let instanceId: string;
let pa: Session;
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  pa = await h.signIn('principalA');
  const res = await h.post(
    '/api/instances',
    { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '整改报告' } },
    pa,
  );
  instanceId = ((await res.json()) as { id: string }).id;
});
afterAll(() => h.close());

const PDF: Uint8Array<ArrayBuffer> = new TextEncoder().encode(
  '%PDF-1.4\n% 网络安全整改证明\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
);

function upload(
  s: Session,
  file: { bytes: Uint8Array<ArrayBuffer>; name: string; type?: string },
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('file', new File([file.bytes], file.name, { type: file.type ?? 'application/octet-stream' }));
  for (const [k, v] of Object.entries({ instanceId, ...fields })) if (v) form.set(k, v);
  return h.app.request('/api/attachments', {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
}

describe('attachments', () => {
  it('stores a PDF under its SHA-256, lists it, and serves it back byte for byte with a UTF-8 file name', async () => {
    const res = await upload(pa, { bytes: PDF, name: '整改证明.pdf', type: 'text/plain' }, { field: 'evidence' });
    expect(res.status).toBe(201);
    const a = (await res.json()) as {
      id: string;
      sha256: string;
      mime: string;
      size: number;
      url: string;
      field: string;
    };
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(a).toMatchObject({
      sha256: sha,
      mime: 'application/pdf',
      size: PDF.byteLength,
      field: 'evidence',
      url: `/api/attachments/${a.id}`,
    });
    const stored = join(h.dir, 'attachments', sha.slice(0, 2), sha);
    expect(existsSync(stored)).toBe(true);
    expect(createHash('sha256').update(readFileSync(stored)).digest('hex')).toBe(sha);

    const list = (await (await h.get(`/api/attachments?instanceId=${instanceId}`, pa)).json()) as {
      items: Array<{ id: string }>;
    };
    expect(list.items.map((i) => i.id)).toEqual([a.id]);

    const reviewer = await h.signIn('reviewer1');
    const file = await h.get(a.url, reviewer);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('整改证明.pdf')}`);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await h.get(`${a.url}?inline=1`, reviewer)).headers.get('content-disposition')).toMatch(/^inline;/);
    const audited = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'attachment.download'), eq(auditEvents.actorId, h.users.reviewer1 ?? '')));
    expect(audited).toHaveLength(2);
  });

  it('drops bidirectional-control characters from a file name, so a disguised name shows as it is (issue 10.11)', async () => {
    // "证明\u202Efdp.exe" would display as "证明exe.pdf".
    const res = await upload(pa, { bytes: PDF, name: '整改\u202E证明\u2066fdp.pdf\u200F' });
    expect(res.status).toBe(201);
    const a = (await res.json()) as { name: string };
    expect(a.name).toBe('整改证明fdp.pdf');
  });

  it('hides another school’s files (404), and the auditor may read but not upload', async () => {
    const pb = await h.signIn('principalB');
    expect((await h.get(`/api/attachments?instanceId=${instanceId}`, pb)).status).toBe(404);
    const list = (await (await h.get(`/api/attachments?instanceId=${instanceId}`, pa)).json()) as {
      items: Array<{ url: string }>;
    };
    expect((await h.get(list.items[0]?.url ?? '', pb)).status).toBe(404);
    expect((await upload(pb, { bytes: PDF, name: 'x.pdf' })).status).toBe(404);
    expect((await upload(await h.signIn('auditor'), { bytes: PDF, name: 'x.pdf' })).status).toBe(403);
  });

  it('refuses disallowed types, content that does not match its extension, empty and oversized files', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    const wrongType = await upload(pa, { bytes: exe, name: 'tool.exe' });
    expect(wrongType.status).toBe(415);
    expect(
      ((await wrongType.json()) as { error: { fieldErrors: { file: { 'zh-CN': string } } } }).error.fieldErrors.file[
        'zh-CN'
      ],
    ).toContain('pdf');
    expect((await upload(pa, { bytes: exe, name: 'disguised.pdf' })).status).toBe(415);
    expect((await upload(pa, { bytes: new Uint8Array(), name: 'empty.pdf' })).status).toBe(422);
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PDF.subarray(0, 8));
    expect((await upload(pa, { bytes: big, name: 'big.pdf' })).status).toBe(413);
    const noFile = new FormData();
    noFile.set('instanceId', instanceId);
    const missing = await h.app.request('/api/attachments', {
      method: 'POST',
      headers: { cookie: pa.cookie, 'x-csrf-token': pa.csrf },
      body: noFile,
    });
    expect(missing.status).toBe(400);
  });

  describe('attachments on a store the API nodes share (EDUFLOW_ATTACHMENTS_DIR, issue 14)', () => {
    it('two nodes storing the same file at once leave one whole copy there, and either node serves it', async () => {
      const shared = mkdtempSync(join(tmpdir(), 'eduflow-shared-attachments-'));
      const second = h.openOther();
      try {
        const nodes = [
          createApp({ db: h.db, clock: h.clock.now, attachmentsDir: shared }),
          createApp({ db: second.db, clock: h.clock.now, attachmentsDir: shared }),
        ];
        const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${'共享存储'.repeat(20_000)}\n%%EOF\n`);
        const send = (node: (typeof nodes)[number], name: string) => {
          const form = new FormData();
          form.set('file', new File([bytes], name, { type: 'application/pdf' }));
          form.set('instanceId', instanceId);
          return node.request('/api/attachments', {
            method: 'POST',
            headers: { cookie: pa.cookie, 'x-csrf-token': pa.csrf },
            body: form,
          });
        };
        const answers = await Promise.all([send(nodes[0]!, '甲.pdf'), send(nodes[1]!, '乙.pdf')]);
        expect(answers.map((r) => r.status)).toEqual([201, 201]);
        const sha = createHash('sha256').update(bytes).digest('hex');
        const stored = join(shared, sha.slice(0, 2), sha);
        expect(createHash('sha256').update(readFileSync(stored)).digest('hex')).toBe(sha);
        expect(readdirSync(join(shared, sha.slice(0, 2)))).toEqual([sha]); // no half-written leftovers
        expect(existsSync(join(h.dir, 'attachments', sha.slice(0, 2), sha))).toBe(false);
        for (const [i, answer] of answers.entries()) {
          const { url } = (await answer.json()) as { url: string };
          const served = await nodes[1 - i]!.request(url, { headers: { cookie: pa.cookie } });
          expect(served.status).toBe(200);
          expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
        }
      } finally {
        await second.close();
        rmSync(shared, { recursive: true, force: true });
      }
    });
  });
});
