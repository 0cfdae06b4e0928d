import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeTurns } from './write-turns.js';

// Issue 11: while writes queue, a new connection (a health check, a page opening) is answered between two of them.
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end); // a write's synchronous transaction
};
const app = new Hono();
app.use('*', writeTurns());
app.post('/write', (c) => {
  busy(10);
  return c.json({ ok: true });
});
app.get('/health', (c) => c.json({ ok: true }));
/** One request on the agent's connections; resolves when the whole answer is in. */
const send = (agent: Agent, method: string, path: string) =>
  new Promise<void>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
let server: ServerType;
let base = '';
beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('writeTurns', () => {
  it('answers a read on a new connection while forty writes wait, after a few of them, not after all', async () => {
    const writers = new Agent({ keepAlive: true, maxSockets: 40 });
    const done: string[] = [];
    // Forty connections open and idle first, so the writes arrive together.
    await Promise.all(Array.from({ length: 40 }, () => send(writers, 'GET', '/health')));
    const writes = Array.from({ length: 40 }, (_, i) =>
      send(writers, 'POST', '/write').then(() => void done.push(`write ${i}`)),
    );
    await new Promise((r) => setTimeout(r, 30)); // the writes are in; the first ones are running
    const fresh = new Agent({ keepAlive: false });
    const health = send(fresh, 'GET', '/health').then(() => void done.push('health'));
    await Promise.all([...writes, health]);
    writers.destroy();
    expect(done).toHaveLength(41);
    expect(done.indexOf('health')).toBeLessThan(15);
  });
});
