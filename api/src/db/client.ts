import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';

import { forgetCached } from './generation-cache.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (creating if needed) the SQLite file with the pragmas every connection must have. */
export function openDb(file: string): Db {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  cacheStatements(sqlite);
  return drizzle(sqlite, { schema });
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle hands every execution's SQL to prepare(), and better-sqlite3 compiles it afresh each time: on
 * the event path that was a quarter of the CPU (issue 11). Compiled statements are kept by their text
 * (most recently used STATEMENT_CACHE_SIZE) and reset to plain row mode before reuse; a statement still
 * being iterated is never handed out twice.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  const cached = (source: string): Database.Statement => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      cache.delete(source);
      cache.set(source, hit);
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const statement = prepare(source);
    if (!hit) {
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return statement;
  };
  sqlite.prepare = cached as typeof sqlite.prepare;
}

/**
 * Runs fn in one `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so two writers never
 * both read a version and then race to upgrade their locks. Nested calls become savepoints.
 */
export function tx<T>(db: Db, fn: () => T): T {
  try {
    return db.$client.transaction(fn).immediate();
  } catch (err) {
    forgetCached(db); // what the rolled-back writes made may sit under a generation number that comes back
    throw err;
  }
}

/**
 * Like tx(), for use-cases that must record a refusal: fn returns the error instead of throwing it,
 * so the denial's audit event commits, and the error is thrown after the commit.
 */
export function txOrThrow<T>(db: Db, fn: () => T): Exclude<T, Error> {
  const result = tx(db, fn);
  if (result instanceof Error) throw result;
  return result as Exclude<T, Error>;
}
