import { is, sql, Table } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgTable } from 'drizzle-orm/pg-core';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import pg from 'pg';

import { AppError } from '../errors.js';
import { forgetCached } from './generation-cache.js';
import type * as schema from './schema.js';
import { type Db, type TEngine, viewOf } from './view.js';

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

type TJoin = { table: unknown };
/** The dialect's join builder (declared private by drizzle; replaced on this one instance). */
type TJoinBuilder = { buildJoins: (joins: TJoin[] | undefined) => unknown };
const TABLE = Table as unknown as { Symbol: { Name: symbol; OriginalName: symbol; IsAlias: symbol } };

/**
 * drizzle's PostgreSQL dialect writes a joined table as `"name" "alias"` only for its own (pg-core) tables;
 * a SQLite-declared table aliased with alias() (a second organisations row, `requester`) came out as
 * `"requester"` alone, a table that does not exist. Written out here as drizzle does for its own.
 */
function joinAliasesInFull(dialect: TJoinBuilder): void {
  const build = dialect.buildJoins.bind(dialect);
  dialect.buildJoins = (joins) =>
    build(
      joins?.map((join) => {
        const table = join.table as Record<symbol, string | boolean>;
        if (!is(table, Table) || is(table, PgTable) || !table[TABLE.Symbol.IsAlias]) return join;
        const [name, alias] = [table[TABLE.Symbol.OriginalName], table[TABLE.Symbol.Name]].map(String);
        return { ...join, table: sql`${sql.identifier(name ?? '')} ${sql.identifier(alias ?? '')}` };
      }),
    );
}

export function openPostgres(url: string, options: { max?: number } = {}): PgDb {
  readAsSqliteWould();
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  const db = drizzle(pool);
  joinAliasesInFull((db as unknown as { dialect: TJoinBuilder }).dialect);
  return { db: db as unknown as AsyncDb, pool };
}

/** A transaction that lost a deadlock or a serialisation check is run again this many times in all. */
const ATTEMPTS = 3;
/** serialization_failure, deadlock_detected: the work is sound, only its timing lost. */
const RETRYABLE = new Set(['40001', '40P01']);
/** The driver's error code, also when drizzle wrapped it (DrizzleQueryError keeps it as `cause`). */
function retryable(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (RETRYABLE.has(String(e.code ?? ''))) return true;
  return false;
}

type TPgTx = { transaction: <T>(run: (inner: TPgTx) => Promise<T>) => Promise<T> };

/**
 * PostgreSQL as the view use-cases see (view.ts): statements outside a transaction go to the pool; tx()
 * is one pooled connection's READ COMMITTED transaction, each invariant taking the lock it needs (ADR 0028),
 * and a nested tx() a savepoint. A transaction that loses a deadlock is run again (it wrote nothing), at
 * most ATTEMPTS times; then the request is answered 503 BUSY, never 500.
 */
export function openPostgresDb(url: string, options: { max?: number } = {}): { db: Db; pool: pg.Pool } {
  const { db: pooled, pool } = openPostgres(url, options);
  const outside = pooled as unknown as TPgTx & {
    transaction: <T>(run: (t: TPgTx) => Promise<T>, config?: { isolationLevel: 'read committed' }) => Promise<T>;
  };
  const engine: TEngine = {
    dialect: 'postgresql',
    outside,
    async begin<T>(run: (inside: object) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await outside.transaction((t) => run(t), { isolationLevel: 'read committed' });
        } catch (err) {
          if (!retryable(err)) throw err;
          if (attempt >= ATTEMPTS) throw new AppError('BUSY', { cause: err });
        }
      }
    },
    nest: <T>(inside: object, _depth: number, run: (inner: object) => Promise<T>) =>
      (inside as TPgTx).transaction((t) => run(t)),
    // What the rolled-back writes made may sit under a generation number that comes back (generation-cache.ts).
    rolledBack: () => forgetCached(db),
  };
  const db = viewOf(engine);
  return { db, pool };
}
