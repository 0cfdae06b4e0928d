/**
 * A city in PostgreSQL (issue 14): the cached SQLite city copied, rows as they are, into a database the
 * server's own PostgreSQL migrations made. Triggers are off for the copy (`session_replication_role =
 * replica`): the tallies, the audit chain and the cache generations are copied, not recomputed. Each
 * column is converted to what PostgreSQL holds (pg-schema.ts): 0/1 → boolean, blobs → bytea, the rest as
 * stored. Rows stream in with `COPY … FROM STDIN` (text format), one table at a time.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import Database from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { migratePostgres } from '../src/db/pg-migrate.js';

type TColumn = { name: string; type: string };
type TCopied = { table: string; rows: number };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** PostgreSQL's tables and the columns one may insert into (a stored generated column is computed). */
async function tablesOf(client: pg.Client): Promise<Map<string, TColumn[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns
     where table_schema = 'public' and is_generated = 'NEVER'
     order by table_name, ordinal_position`,
  );
  const tables = new Map<string, TColumn[]>();
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? [];
    columns.push({ name: r.column_name, type: r.data_type });
    tables.set(r.table_name, columns);
  }
  return tables;
}

/** `\`, newline, carriage return and tab escaped as COPY's text format reads them. */
const escapeText = (s: string) => s.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]);
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** SQLite's stored value as COPY's text format writes it for PostgreSQL's column type (pg-schema.ts). */
function encoderOf(type: string): (v: unknown) => string {
  if (type === 'boolean') return (v) => (v === null ? '\\N' : v === 1 || v === 1n || v === true ? 't' : 'f');
  if (type === 'bytea')
    return (v) => (v === null ? '\\N' : `\\\\x${(Buffer.isBuffer(v) ? v : Buffer.from(String(v))).toString('hex')}`);
  return (v) => (v === null ? '\\N' : escapeText(String(v)));
}

/** Lines of COPY text, about a megabyte at a time (one write per row would be a million small writes). */
function* copyText(rows: Iterable<unknown[]>, encode: Array<(v: unknown) => string>, count: () => void) {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map((v, i) => encode[i](v)).join('\t')}\n`;
    count();
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** One table's rows streamed with `COPY … FROM STDIN`, the fastest way PostgreSQL takes rows in. */
async function copyTable(
  sqlite: Database.Database,
  client: pg.Client,
  table: string,
  columns: TColumn[],
): Promise<number> {
  const names = columns.map((c) => quote(c.name)).join(', ');
  await client.query(`delete from ${quote(table)}`);
  let rows = 0;
  const read = sqlite.prepare(`select ${names} from ${quote(table)}`).raw();
  const text = copyText(
    read.iterate() as Iterable<unknown[]>,
    columns.map((c) => encoderOf(c.type)),
    () => rows++,
  );
  await pipeline(Readable.from(text), client.query(copyFrom(`copy ${quote(table)} (${names}) from stdin`)));
  return rows;
}

/**
 * The indexes no constraint needs (primary keys and unique constraints stay, so a duplicate still fails):
 * dropped before the copy and made again after it, which is far faster than keeping millions of rows'
 * index entries in order one batch at a time.
 */
async function secondaryIndexes(client: pg.Client): Promise<Array<{ name: string; definition: string }>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = 'public'
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  return rows;
}

/**
 * Migrates the empty PostgreSQL database at `url` and copies every table of the SQLite file into it, then
 * VACUUM ANALYZE (statistics and visibility maps, as autovacuum would have left a live database).
 */
export async function copyCityToPostgres(file: string, url: string, log: (s: string) => void): Promise<TCopied[]> {
  const t0 = performance.now();
  await migratePostgres(url);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const copied: TCopied[] = [];
  try {
    const sqliteTables = new Set(
      sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[],
    );
    const tables = await tablesOf(client);
    const missing = [...tables.keys()].filter((t) => !sqliteTables.has(t));
    if (missing.length) throw new Error(`pg-city: tables in PostgreSQL but not in ${file}: ${missing.join(', ')}`);
    const indexes = await secondaryIndexes(client);
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query(`set local maintenance_work_mem = '1GB'`);
    for (const index of indexes) await client.query(`drop index ${quote(index.name)}`);
    for (const [table, columns] of tables) {
      const started = performance.now();
      copied.push({ table, rows: await copyTable(sqlite, client, table, columns) });
      const n = copied.at(-1)?.rows ?? 0;
      if (n >= 100_000)
        log(`    ${table}: ${n.toLocaleString('en')} rows (${Math.round(performance.now() - started)} ms)`);
    }
    const indexing = performance.now();
    for (const index of indexes) await client.query(index.definition);
    log(`    ${indexes.length} indexes made again (${Math.round(performance.now() - indexing)} ms)`);
    await client.query('commit');
    await client.query('vacuum (analyze)');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
    sqlite.close();
  }
  const rows = copied.reduce((a, c) => a + c.rows, 0);
  log(
    `  copied ${rows.toLocaleString('en')} rows of ${copied.length} tables into PostgreSQL in ${Math.round(performance.now() - t0)} ms`,
  );
  return copied;
}
