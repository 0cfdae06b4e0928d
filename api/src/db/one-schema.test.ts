import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startPostgres } from '../test/postgres.js';
import { closeDb, openDb, writerOf } from './client.js';
import { migrate } from './migrate.js';
import { migratePostgres } from './pg-migrate.js';
import { type AsyncDb, openPostgres } from './postgres.js';
import { auditEvents, organisations, signInFailures, users } from './schema.js';

type Engine = { db: AsyncDb; storedKindOfHash: () => Promise<string>; close: () => Promise<void> };

/** Each engine migrated afresh, seen as the asynchronous database the use-cases are written against. */
const ENGINES: Record<string, () => Promise<Engine>> = {
  async sqlite() {
    const dir = mkdtempSync(join(tmpdir(), 'eduflow-one-schema-'));
    const db = openDb(join(dir, 'test.db'));
    migrate(db);
    return {
      // The writer connection itself: this test drives the query builder, not the use-cases' transactions.
      db: writerOf(db) as unknown as AsyncDb,
      storedKindOfHash: async () => db.$client.prepare('select typeof(hash) from audit_events').pluck().get() as string,
      close: async () => {
        closeDb(db);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async postgresql() {
    const server = await startPostgres();
    const url = await server.database('one_schema');
    await migratePostgres(url);
    const { db, pool } = openPostgres(url, { max: 2 });
    return {
      db,
      storedKindOfHash: async () =>
        (await pool.query<{ kind: string }>('select pg_typeof(hash)::text as kind from audit_events')).rows[0]?.kind ??
        '',
      close: async () => {
        await pool.end();
        await server.stop();
      },
    };
  },
};
const BYTES = { sqlite: 'blob', postgresql: 'bytea' } as const;

// Issue 14, ADR 0028: one set of tables (schema.ts) and one asynchronous query API over both engines — the
// same statements give the same values on SQLite and on a real PostgreSQL, each column converting its own.
describe.each(Object.keys(ENGINES) as Array<keyof typeof BYTES>)('the one schema on %s', (engine) => {
  let e: Engine;
  let db: AsyncDb;
  beforeAll(async () => {
    e = await ENGINES[engine]!();
    db = e.db;
  });
  afterAll(async () => {
    await e?.close();
  });

  it('inserts and reads text, numbers and flags as the SQLite columns give them', async () => {
    const [district] = await db.insert(organisations).values({ type: 'district', name: '示范区教委' }).returning();
    expect(district).toMatchObject({ type: 'district', name: '示范区教委', version: 1, parentId: null });
    await db.insert(users).values({
      username: 'principal1',
      displayName: '校长',
      passwordHash: 'x',
      createdAt: '2026-12-05T00:00:00.000Z',
      disabled: true,
    });
    const [row] = await db
      .select({ disabled: users.disabled, mustChange: users.mustChangePassword, version: users.version })
      .from(users)
      .where(eq(users.disabled, true));
    expect(row).toEqual({ disabled: true, mustChange: false, version: 1 });
  });

  it('updates with a version check and returns the new row; counts are numbers', async () => {
    const [org] = await db.select().from(organisations).limit(1);
    const bump = (version: number) =>
      db
        .update(organisations)
        .set({ name: '高新区教委', version: sql`${organisations.version} + 1` })
        .where(sql`${organisations.id} = ${org?.id} and ${organisations.version} = ${version}`)
        .returning({ version: organisations.version });
    expect(await bump(1)).toEqual([{ version: 2 }]);
    expect(await bump(1)).toEqual([]); // a stale version changes nothing
    const [{ n } = { n: -1 }] = await db.select({ n: count() }).from(organisations);
    expect(n).toBe(1);
    await db.insert(signInFailures).values({ kind: 'address', key: '10.0.0.1', at: 1_796_500_000_000 });
    const [failure] = await db.select({ at: signInFailures.at }).from(signInFailures);
    expect(failure?.at).toBe(1_796_500_000_000);
  });

  it('keeps JSON as written (key order included) and the audit chain’s packed hashes and ids', async () => {
    const hash = 'ab'.repeat(32);
    const meta = { z: 1, a: { y: [1, 2], b: '中文' } };
    await db.insert(auditEvents).values({
      seq: 1,
      id: '0b7e4a4e-2f55-4a43-9a6e-1b2f1f7f0a11',
      at: '2026-12-05T00:00:00.000Z',
      action: 'test',
      entityType: 'test',
      outcome: 'success',
      meta,
      prevHash: '00'.repeat(32),
      hash,
    });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.seq, 1));
    expect(event?.hash).toBe(hash);
    expect(event?.id).toBe('0b7e4a4e-2f55-4a43-9a6e-1b2f1f7f0a11');
    expect(JSON.stringify(event?.meta)).toBe(JSON.stringify(meta));
    expect(await e.storedKindOfHash()).toBe(BYTES[engine]); // 32 bytes, not 64 characters of hex
  });
});
