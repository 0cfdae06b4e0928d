import { drizzle } from 'drizzle-orm/node-postgres';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import pg from 'pg';

import type * as schema from './schema.js';

/**
 * A connection pool to PostgreSQL (what EDUFLOW_DATABASE_URL will select, ADR 0028), driven through drizzle with the one set of
 * table objects the use-cases import (schema.ts): drizzle's PostgreSQL session builds the SQL, and each
 * column still converts its own values (docs/decisions/0028-postgresql-beside-sqlite.md). For that, two
 * of PostgreSQL's types are read as SQLite would give them:
 * - bigint (int8, also count(*)) as a number, not a string: counts, versions and epoch milliseconds fit;
 * - json as its text, which the JSON columns parse themselves (and the audit chain hashes as stored).
 */
export type PgDb = { db: AsyncDb; pool: pg.Pool };

/**
 * What an asynchronous use-case sees, on either engine: the query builder over the one set of (SQLite-
 * declared) tables, every query awaited. drizzle's PostgreSQL session answers the same calls at run time.
 */
export type AsyncDb = BaseSQLiteDatabase<'async', unknown, typeof schema>;

const INT8 = 20;
const JSON_OID = 114;

/**
 * Process-wide: drizzle's session hands node-postgres its own per-query parsers, which fall back to the
 * global ones, so a pool's own `types` would be ignored. The process talks to one database, EduFlow's.
 */
function readAsSqliteWould(): void {
  pg.types.setTypeParser(INT8, (value: string) => Number(value));
  pg.types.setTypeParser(JSON_OID, (value: string) => value);
}

export function openPostgres(url: string, options: { max?: number } = {}): PgDb {
  readAsSqliteWould();
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  return { db: drizzle(pool) as unknown as AsyncDb, pool };
}
