import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';

import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';

import { consoleFiles, IMMUTABLE, REVALIDATE } from './console-files.js';

const root = mkdtempSync(join(tmpdir(), 'eduflow-console-'));
const INDEX = '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>';
const SCRIPT = 'console.log("the console");\n'.repeat(100);
function write(path: string, body: string, compressed = true) {
  writeFileSync(join(root, path), body);
  if (!compressed) return;
  writeFileSync(join(root, `${path}.br`), brotliCompressSync(body));
  writeFileSync(join(root, `${path}.gz`), gzipSync(body));
}
mkdirSync(join(root, 'assets'));
write('index.html', INDEX);
write('assets/index-abc123.js', SCRIPT);
write('assets/logo-def456.png', 'not really a png', false);
write('.build-stamp.json', '{"startedAt":1}', false);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const app = new Hono();
app.get('/api/ping', (c) => c.json({ pong: true }));
app.use('*', consoleFiles(root));
app.notFound((c) => c.json({ code: 'NOT_FOUND' }, 404));
const get = (path: string, acceptEncoding?: string) =>
  app.request(path, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} });

describe('consoleFiles: the built console, precompressed and cached by kind', () => {
  it('serves a hashed asset as brotli when accepted, cached for a year', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Vary')).toContain('Accept-Encoding');
    expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
    expect(res.headers.get('Content-Type')).toMatch(/javascript/);
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(SCRIPT);
  });

  it('falls back to gzip, then to the plain file', async () => {
    expect((await get('/assets/index-abc123.js', 'gzip, deflate')).headers.get('Content-Encoding')).toBe('gzip');
    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    // A file the build did not compress (an image) is served as it is, still immutable.
    const image = await get('/assets/logo-def456.png', 'br');
    expect(image.headers.get('Content-Encoding')).toBeNull();
    expect(image.headers.get('Cache-Control')).toBe(IMMUTABLE);
  });

  it('serves index.html compressed and revalidated, for / and for any client-side route', async () => {
    for (const path of ['/', '/index.html', '/instances/123', '/definitions/abc/design']) {
      const res = await get(path, 'br');
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Encoding'), path).toBe('br');
      expect(res.headers.get('Cache-Control'), path).toBe(REVALIDATE);
      expect(res.headers.get('Content-Type'), path).toMatch(/text\/html/);
      expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(INDEX);
    }
  });

  it('answers a missing asset with 404, not the index, and leaves /api alone', async () => {
    const stale = await get('/assets/index-old999.js', 'br');
    expect(stale.status).toBe(404);
    expect(stale.headers.get('Cache-Control')).toBeNull();
    expect(await (await get('/api/ping')).json()).toEqual({ pong: true });
    const unknown = await get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'NOT_FOUND' });
    expect((await app.request('/instances', { method: 'POST' })).status).toBe(404);
    expect((await get('/.build-stamp.json')).status).toBe(404);
  });
});
