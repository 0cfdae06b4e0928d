import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';

import type { AppError } from '../errors.js';
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

/** A refusal found after the transaction wrote something: thrown by rollback() to undo every write. */
class Rollback extends Error {
  constructor(readonly refusal: AppError) {
    super(refusal.message);
  }
}

/** Refuses from inside a txOrThrow callback that has written already: everything rolls back (see txOrThrow). */
export function rollback(refusal: AppError): never {
  throw new Rollback(refusal);
}

/**
 * The one way a use-case refuses inside its transaction (docs/decisions/0027-one-way-to-refuse.md): fn
 * returns the AppError instead of throwing it, so the denial's audit event (authorize(), deniedEvent())
 * commits, and the error is thrown after the commit. A refusal found after fn has written calls
 * rollback(error): the writes are undone and `onRollback` records the refusal in a transaction of its own.
 */
export function txOrThrow<T>(db: Db, fn: () => T, onRollback?: (refusal: AppError) => AppError): Exclude<T, Error> {
  let result: T;
  try {
    result = tx(db, fn);
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    e.refusal.audited = false; // whatever recorded it was rolled back with the rest
    throw onRollback ? tx(db, () => onRollback(e.refusal)) : e.refusal;
  }
  if (result instanceof Error) throw result;
  return result as Exclude<T, Error>;
}
