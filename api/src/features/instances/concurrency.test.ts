import type { AddressInfo } from 'node:net';

import { serve, type ServerType } from '@hono/node-server';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb } from '../../db/client.js';
import { auditEvents, instances } from '../../db/schema.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';

let h: Harness;
let server: ServerType;
let base: string;
let pa: Session;
let definitionId: string;

beforeAll(async () => {
  h = await makeHarness();
  definitionId = await h.publish();
  pa = await h.signIn('principalA');
  // A real listening server on an ephemeral port: requests arrive over sockets, interleaved by the event loop.
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: h.app.fetch, port: 0 }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

const successEvents = async (id: string) =>
  (
    await h.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'instance.event'), eq(auditEvents.outcome, 'success')),
      )
      .limit(1)
  )[0]?.n;

describe('optimistic concurrency', () => {
  it('20 concurrent events with the same expectedVersion: exactly one 200, nineteen 409, one success audit', async () => {
    const started = await h.post(
      '/api/instances',
      { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '并发' } },
      pa,
    );
    const { id } = await started.json();
    const send = () =>
      fetch(`${base}/api/instances/${id}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: pa.cookie, 'x-csrf-token': pa.csrf },
        body: JSON.stringify({ type: 'SUBMIT', expectedVersion: 1 }),
      });
    const responses = await Promise.all(Array.from({ length: 20 }, send));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of responses.filter((x) => x.status === 409))
      expect((await r.json()).error.code).toBe('VERSION_CONFLICT');
    expect(await successEvents(id)).toBe(1);
    expect((await h.db.select().from(instances).where(eq(instances.id, id)).limit(1))[0]?.version).toBe(2);
  });

  it('the same through app.request with Promise.all', async () => {
    const { id } = await (
      await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '并发2' } }, pa)
    ).json();
    const responses = await Promise.all(
      Array.from(
        { length: 20 },
        async () => await h.post(`/api/instances/${id}/events`, { type: 'SUBMIT', expectedVersion: 1 }, pa),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await successEvents(id)).toBe(1);
  });

  it('a second connection to the same file sees the committed result and cannot double-apply', async () => {
    const { openDb } = await import('../../db/client.js');
    const { createApp } = await import('../../app.js');
    const other = openDb(`${h.dir}/test.db`);
    const app2 = createApp({ db: other, clock: h.clock.now });
    const { id } = await (
      await h.post('/api/instances', { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: '双连接' } }, pa)
    ).json();
    const req = (app: typeof app2) =>
      app.request(`/api/instances/${id}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: pa.cookie, 'x-csrf-token': pa.csrf },
        body: JSON.stringify({ type: 'SUBMIT', expectedVersion: 1 }),
      });
    const rs = await Promise.all([req(h.app), req(app2), req(h.app), req(app2)]);
    expect(rs.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await successEvents(id)).toBe(1);
    closeDb(other);
  });
});
