import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { COMPRESS_THRESHOLD, compressJson, pickEncoding, withJsonCompression } from './compress-json.js';

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: `row-${i}`, name: '西永中学网络安全检查' })) };
const request = (acceptEncoding?: string, method = 'GET') =>
  new Request('http://localhost/api/instances', {
    method,
    headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {},
  });
const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('pickEncoding', () => {
  it('prefers brotli, honours q-values and refusals', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

describe('compressJson: large JSON answers only', () => {
  it('brotli-compresses a large JSON body and keeps status and headers (the CSP among them)', async () => {
    const res = await compressJson(
      request('gzip, deflate, br'),
      json(big, { status: 201, headers: { 'Content-Security-Policy': "default-src 'self'", 'Set-Cookie': 'a=1' } }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'self'");
    expect(res.headers.get('Set-Cookie')).toBe('a=1');
    const body = await bytes(res);
    expect(Number(res.headers.get('Content-Length'))).toBe(body.length);
    expect(body.length).toBeLessThan(JSON.stringify(big).length / 4);
    expect(JSON.parse(brotliDecompressSync(body).toString())).toEqual(big);
  });

  it('uses gzip for a client without brotli, and nothing for one that accepts neither', async () => {
    const gz = await compressJson(request('gzip'), json(big));
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(await bytes(gz)).toString())).toEqual(big);
    const plain = await compressJson(request(), json(big));
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await plain.json()).toEqual(big);
  });

  it('leaves tiny answers, HEAD, 204, downloads, non-JSON and encoded bodies alone', async () => {
    const tiny = await compressJson(request('br'), json({ status: 'ok' }));
    expect(tiny.headers.get('Content-Encoding')).toBeNull();
    expect(await tiny.json()).toEqual({ status: 'ok' });
    expect(JSON.stringify({ status: 'ok' }).length).toBeLessThan(COMPRESS_THRESHOLD);
    for (const res of [
      json(big, { headers: { 'Content-Disposition': 'attachment; filename="definition.json"' } }),
      new Response('x'.repeat(5000), { headers: { 'Content-Type': 'application/octet-stream' } }),
      new Response('x'.repeat(5000), { headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } }),
      json(big, { headers: { 'Cache-Control': 'no-transform' } }),
      new Response(null, { status: 204 }),
    ]) {
      expect(await compressJson(request('br'), res)).toBe(res);
    }
    const head = json(big);
    expect(await compressJson(request('br', 'HEAD'), head)).toBe(head);
  });

  it('wraps a fetch handler, passing its extra arguments through', async () => {
    const fetch = withJsonCompression((req: Request, env: { n: number }) =>
      json({ ...big, n: env.n, path: new URL(req.url).pathname }),
    );
    const res = await fetch(request('br'), { n: 7 });
    expect(JSON.parse(brotliDecompressSync(await bytes(res)).toString())).toMatchObject({
      n: 7,
      path: '/api/instances',
    });
  });
});
