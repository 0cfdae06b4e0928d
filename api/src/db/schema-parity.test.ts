import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startPostgres, type TestPostgres } from '../test/postgres.js';
import { closeDb, openDb } from './client.js';
import { migrate } from './migrate.js';
import { migratePostgres } from './pg-migrate.js';

type Described = Record<string, { columns: Record<string, string>; indexes: string[] }>;

/** What a column holds, in words both engines share (SQLite's storage class, PostgreSQL's type). */
const KIND: Record<string, string> = {
  TEXT: 'text',
  INTEGER: 'integer',
  REAL: 'real',
  BLOB: 'bytes',
  text: 'text',
  bigint: 'integer',
  boolean: 'integer', // SQLite keeps its flags as 0/1
  'double precision': 'real',
  json: 'text', // SQLite keeps JSON as text
  bytea: 'bytes',
};
const BYTES_IN_SQLITE = new Set(['audit_events.id', 'audit_events.prev_hash', 'audit_events.hash']);
const ENGINE_ONLY = /^(__drizzle_migrations|sqlite_.*)$/;

function describeSqlite(file: string): Described {
  const db = openDb(file);
  migrate(db);
  const out: Described = {};
  const tables = db.$client
    .prepare(`select name from sqlite_master where type = 'table' order by name`)
    .pluck()
    .all() as string[];
  for (const table of tables.filter((t) => !ENGINE_ONLY.test(t))) {
    const columns = db.$client.prepare(`select name, type, "notnull" from pragma_table_xinfo(?)`).all(table) as Array<{
      name: string;
      type: string;
      notnull: number;
    }>;
    const indexes = db.$client
      .prepare(`select name from pragma_index_list(?) where origin = 'c' order by name`)
      .pluck()
      .all(table) as string[];
    out[table] = {
      columns: Object.fromEntries(
        columns.map((c) => [
          c.name,
          `${BYTES_IN_SQLITE.has(`${table}.${c.name}`) ? 'bytes' : KIND[c.type.toUpperCase()]}${c.notnull ? ' not null' : ''}`,
        ]),
      ),
      indexes,
    };
  }
  closeDb(db);
  return out;
}

async function describePostgres(url: string): Promise<Described> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `select table_name, column_name, data_type, is_nullable from information_schema.columns
        where table_schema = 'public' order by table_name, ordinal_position`,
    );
    const indexes = await client.query<{ tablename: string; indexname: string }>(
      `select i.tablename, i.indexname from pg_indexes i
        where i.schemaname = 'public'
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype = 'p')
        order by i.indexname`,
    );
    const out: Described = {};
    for (const c of columns.rows) {
      if (ENGINE_ONLY.test(c.table_name)) continue;
      const table = (out[c.table_name] ??= { columns: {}, indexes: [] });
      table.columns[c.column_name] = `${KIND[c.data_type]}${c.is_nullable === 'NO' ? ' not null' : ''}`;
    }
    for (const i of indexes.rows) out[i.tablename]?.indexes.push(i.indexname);
    return out;
  } finally {
    await client.end();
  }
}

// Issue 14: one schema, two engines. SQLite's tables come from its migrations (generated and hand-written),
// PostgreSQL's from the migrations drizzle-kit generates from the derived tables (pg-schema.ts); both
// migrated databases must hold the same tables, columns (kind and nullability) and indexes.
describe('the SQLite and PostgreSQL schemas', () => {
  let server: TestPostgres;
  const dir = mkdtempSync(join(tmpdir(), 'eduflow-parity-'));
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('describe the same tables, columns and indexes once both are migrated', async () => {
    const url = await server.database('parity');
    await migratePostgres(url);
    await migratePostgres(url); // a second node starting later finds nothing to do
    const sqlite = describeSqlite(join(dir, 'eduflow.db'));
    const postgres = await describePostgres(url);
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    for (const table of Object.keys(sqlite)) {
      expect({ table, ...postgres[table] }).toEqual({ table, ...sqlite[table] });
    }
  });

  // SQLite's triggers (its migrations and the audit retention rule) are ported by name (migrations-pg 0002).
  it("hold the same triggers, by table and name (and a few of PostgreSQL's own)", async () => {
    const url = await server.database('parity_triggers');
    await migratePostgres(url);
    const db = openDb(join(dir, 'triggers.db'));
    migrate(db);
    const sqlite = db.$client
      .prepare(`select tbl_name || '.' || name from sqlite_master where type = 'trigger'`)
      .pluck()
      .all() as string[];
    closeDb(db);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const postgres = (
      await client.query<{ name: string }>(
        `select c.relname || '.' || t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where not t.tgisinternal`,
      )
    ).rows.map((r) => r.name);
    await client.end();
    // PostgreSQL's own besides: the TRUNCATE refusal, and the cache generations' bumps at commit (its 0003).
    const atCommit = sqlite
      .filter((t) => t.endsWith('_insert_generation'))
      .map((t) => t.replace('_insert_', '_commit_'));
    expect(atCommit).toHaveLength(7);
    expect(postgres.sort()).toEqual([...sqlite, ...atCommit, 'audit_events.audit_events_no_truncate'].sort());
  });
});
