import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApp } from '../../app.js';
import { openDatabase, type TOpenedDatabase } from '../../db/open-database.js';
import { tx } from '../../db/view.js';
import { type Harness, makeHarness } from '../../test/harness.js';

let h: Harness;
let node: TOpenedDatabase;

beforeAll(async () => {
  h = await makeHarness();
  // A node of its own on the harness's database, its pool one connection wide: one request fills it.
  node = await openDatabase(h.dir, { EDUFLOW_DATABASE_URL: h.databaseUrl ?? '', EDUFLOW_DATABASE_POOL: '1' });
});
afterAll(async () => {
  await node.close();
  await h.close();
});

describe('/api/health on a node whose pool is busy (PostgreSQL, issue 14)', () => {
  it('answers 200 while every pool connection is held by a request still running', async () => {
    const app = createApp({ db: node.db, probeDb: node.probe, clock: h.clock.now, dataDir: h.dir });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = () => {};
    const started = new Promise<void>((resolve) => (holding = resolve));
    // A long write: its transaction keeps the pool's only connection until released.
    const busy = tx(node.db, async () => {
      await node.db.run(sql`select 1`);
      holding();
      await held;
    });
    try {
      await started;
      const answer = await Promise.race([
        app.request('/api/health'),
        new Promise<'queued'>((resolve) => setTimeout(() => resolve('queued'), 5_000)),
      ]);
      expect(answer === 'queued' ? 'queued behind the pool' : answer.status).toBe(200);
    } finally {
      release();
      await busy;
    }
  });
});
