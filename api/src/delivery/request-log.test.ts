import { Writable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../log/logger.js';
import { type Harness, makeHarness, PASSWORD } from '../test/harness.js';

// The app's logger writes to a captured stream; each line is one JSON object.
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ logger: createLogger({ level: 'info', destination: sink }) });
});
afterAll(() => h.close());

describe('request log', () => {
  it('one JSON line per request: id = X-Request-Id, user, route pattern, method, status, duration', async () => {
    const admin = await h.signIn('admin');
    lines.length = 0;
    const res = await h.app.request('/api/instances/no-such-instance', { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(404);
    const id = res.headers.get('x-request-id');
    expect(id).toBeTruthy();
    const body = (await res.json()) as { requestId?: string };
    expect(body.requestId).toBe(id);
    const [line, ...rest] = logged();
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      reqId: id,
      userId: admin.userId,
      method: 'GET',
      route: '/api/instances/:id',
      status: 404,
    });
    expect(typeof line?.ms).toBe('number');
  });

  it('a successful request is logged too, and an anonymous one has no user', async () => {
    lines.length = 0;
    const res = await h.app.request('/api/health');
    const line = logged().at(-1);
    expect(line).toMatchObject({
      reqId: res.headers.get('x-request-id'),
      userId: null,
      route: '/api/health',
      status: res.status,
      method: 'GET',
    });
  });

  it('a password in a sign-in body never reaches the log', async () => {
    lines.length = 0;
    const secret = 'Wrong#Secret-2026';
    const res = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: secret }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    await h.signIn('admin');
    const text = lines.join('\n');
    expect(text).toContain('/api/auth/login');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(PASSWORD);
  });
});
