import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appendAudit, GENESIS_HASH, hashEvent } from '../audit/append.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { createOrganisation } from '../features/orgs/create-organisation.js';
import { orgPath } from '../features/orgs/org-path.js';
import { startPostgres } from '../test/postgres.js';
import { changesOf, closeDb, openDb } from './client.js';
import { migrate } from './migrate.js';
import { migratePostgres } from './pg-migrate.js';
import { openPostgresDb } from './postgres.js';
import { auditEvents, organisations } from './schema.js';
import { type Db, dialectOf, tx } from './view.js';

type Engine = { db: Db; close: () => Promise<void> };

/** Each engine migrated afresh, opened as the view the use-cases see (several pooled connections on PostgreSQL). */
const ENGINES: Record<'sqlite' | 'postgresql', () => Promise<Engine>> = {
  async sqlite() {
    const dir = mkdtempSync(join(tmpdir(), 'eduflow-view-'));
    const db = openDb(join(dir, 'test.db'));
    migrate(db);
    return {
      db,
      close: async () => {
        closeDb(db);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async postgresql() {
    const server = await startPostgres();
    const url = await server.database('view');
    await migratePostgres(url);
    const { db, pool } = openPostgresDb(url, { max: 6 });
    return {
      db,
      close: async () => {
        await pool.end();
        await server.stop();
      },
    };
  },
};

// Issue 14, ADR 0028: the same use-cases and the same transaction rules over both engines.
describe.each(Object.keys(ENGINES) as Array<keyof typeof ENGINES>)('the database view on %s', (engine) => {
  let e: Engine;
  let deps: Deps;
  beforeAll(async () => {
    e = await ENGINES[engine]();
    deps = { db: e.db, clock: () => new Date('2026-12-05T02:00:00.000Z') };
  });
  afterAll(async () => {
    await e?.close();
  });

  it('says which engine it is', () => {
    expect(dialectOf(e.db)).toBe(engine);
  });

  it('runs use-cases: an organisation tree created through them reads back, each creation audited', async () => {
    const district = await createOrganisation(deps, { type: 'district', name: '示范区教委' });
    const group = await createOrganisation(deps, {
      type: 'group',
      name: '第一教育集团',
      parentId: district.id,
      groupKind: 'primary',
    });
    const school = await createOrganisation(deps, { type: 'school', name: '实验小学', parentId: group.id });
    expect((await orgPath(deps, school.id)).map((o) => o.name)).toEqual(['示范区教委', '第一教育集团', '实验小学']);
    const audited = await e.db.select({ action: auditEvents.action }).from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(audited.map((a) => a.action)).toEqual(Array(3).fill('organisation.create'));
  });

  it('refuses a write outside tx(), and a transaction that throws leaves nothing behind', async () => {
    expect(() => e.db.insert(organisations)).toThrow(/outside tx\(\)/);
    await expect(
      tx(e.db, async () => {
        await e.db.insert(organisations).values({ id: 'gone', type: 'district', name: '回滚' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await e.db.select().from(organisations).where(eq(organisations.id, 'gone'))).toEqual([]);
  });

  it('a savepoint rolls back alone; the transaction around it commits', async () => {
    await tx(e.db, async () => {
      await e.db.insert(organisations).values({ id: 'kept', type: 'district', name: '保留' });
      await tx(e.db, async () => {
        await e.db.insert(organisations).values({ id: 'inner', type: 'district', name: '撤销' });
        throw new Error('inner');
      }).catch(() => undefined);
    });
    const ids = (await e.db.select({ id: organisations.id }).from(organisations)).map((o) => o.id);
    expect(ids).toContain('kept');
    expect(ids).not.toContain('inner');
  });

  it('20 racing version-checked updates of one row: exactly one wins', async () => {
    const bump = () =>
      tx(e.db, async () =>
        changesOf(
          await e.db
            .update(organisations)
            .set({ name: '改名', version: sql`${organisations.version} + 1` })
            .where(sql`${organisations.id} = 'kept' and ${organisations.version} = 1`),
        ),
      );
    const changed = await Promise.all(Array.from({ length: 20 }, bump));
    expect(changed.filter((n) => n === 1)).toHaveLength(1);
    expect(changed.filter((n) => n === 0)).toHaveLength(19);
  });

  it('30 racing appends keep one gap-free audit chain that verifies', async () => {
    const before = await e.db.select({ seq: auditEvents.seq }).from(auditEvents);
    const append = (i: number) =>
      tx(e.db, () =>
        appendAudit(e.db, {
          at: '2026-12-05T02:00:00.000Z',
          actor: null,
          action: 'test.race',
          entityType: 'Test',
          entityId: String(i),
          outcome: 'success',
          meta: { i },
        }),
      );
    await Promise.all(Array.from({ length: 30 }, (_, i) => append(i)));
    const chain = await e.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(chain).toHaveLength(before.length + 30);
    let prev = GENESIS_HASH;
    chain.forEach((row, i) => {
      expect(row.seq).toBe(i + 1);
      expect(row.prevHash).toBe(prev);
      expect(hashEvent(prev, row)).toBe(row.hash);
      prev = row.hash;
    });
  });
});

// A deadlock is PostgreSQL's alone (SQLite's writes take turns): its loser wrote nothing and runs again.
describe('PostgreSQL transactions that lose a deadlock', () => {
  let e: Engine;
  beforeAll(async () => {
    e = await ENGINES.postgresql();
    await tx(e.db, async () => {
      await e.db.insert(organisations).values([
        { id: 'a', type: 'district', name: 'A' },
        { id: 'b', type: 'district', name: 'B' },
      ]);
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  it('are run again, and both transactions end with their writes', async () => {
    const runs = { ab: 0, ba: 0 };
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
    const rename = (first: string, second: string, key: keyof typeof runs) =>
      tx(e.db, async () => {
        runs[key] += 1;
        await e.db
          .update(organisations)
          .set({ name: `${key}-1` })
          .where(eq(organisations.id, first));
        // The first attempts meet here holding one row each, then each asks for the other's: a deadlock.
        if (runs[key] === 1 && ++arrived === 2) release();
        if (runs[key] === 1) await bothHoldOne;
        await e.db
          .update(organisations)
          .set({ name: `${key}-2` })
          .where(eq(organisations.id, second));
      });
    await Promise.all([rename('a', 'b', 'ab'), rename('b', 'a', 'ba')]);
    expect(runs.ab + runs.ba).toBe(3); // one of them lost the deadlock and ran once more
    const names = (await e.db.select({ name: organisations.name }).from(organisations)).map((o) => o.name).sort();
    expect(names).toHaveLength(2);
    expect(names.every((n) => n.endsWith('-1') || n.endsWith('-2'))).toBe(true);
  });

  it('give up after three attempts with 503 BUSY, a message a person can act on, never a 500', async () => {
    let attempts = 0;
    const refused = await tx(e.db, () => {
      attempts += 1;
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    }).catch((err: unknown) => err);
    expect(attempts).toBe(3);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'BUSY', status: 503 });
  });
});
