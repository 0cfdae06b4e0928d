import { AsyncLocalStorage } from 'node:async_hooks';

import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';

import type { AppError } from '../errors.js';
import { forgetCached } from './generation-cache.js';
import type { AsyncDb } from './postgres.js';
import * as schema from './schema.js';

/**
 * What a use-case sees (ADR 0028): drizzle's query builder over the one set of tables, every query awaited,
 * so the same code runs on SQLite and PostgreSQL. On SQLite it is a view over two connections of one file:
 * inside tx() the writer (which sees its own uncommitted rows), elsewhere a read-only reader (which sees
 * the last commit). A write outside tx() is refused: it could land inside another request's open
 * transaction. `$client` is the SQLite connection of the moment, for the few statements drizzle cannot say.
 */
export type Db = AsyncDb & { $client: Database.Database };

type TStore = {
  writer: BetterSQLite3Database<typeof schema> & { $client: Database.Database };
  reader: BetterSQLite3Database<typeof schema> & { $client: Database.Database };
  /** The end of the queue of writes: each tx() starts when the one before it has finished. */
  tail: Promise<unknown>;
};
type TOpenTx = { store: TStore; open: boolean; savepoints: number };

const STORE = Symbol('eduflow.store');
const openTx = new AsyncLocalStorage<TOpenTx>();
const WRITES = new Set<PropertyKey>(['insert', 'update', 'delete', 'run', 'transaction']);

function storeOf(db: Db): TStore {
  const store = (db as unknown as { [STORE]?: TStore })[STORE];
  if (!store) throw new Error('not a database opened by openDb()');
  return store;
}

type TLogQuery = (sql: string, params: unknown[]) => void;

type TOpenOptions = {
  /** Log every statement (the query-plan tests read what a use-case sent). */
  logQuery?: TLogQuery;
  /** Refuse a file that does not exist (the operator commands: a mistyped folder must not yield a new database). */
  mustExist?: boolean;
  /** Both connections read-only (commands that only look). */
  readonly?: boolean;
};

function connect(file: string, readonly: boolean, { logQuery, mustExist }: TOpenOptions) {
  const sqlite = new Database(file, { readonly, fileMustExist: mustExist ?? false });
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  if (!readonly) sqlite.pragma('synchronous = NORMAL');
  cacheStatements(sqlite);
  return drizzle(sqlite, { schema, ...(logQuery ? { logger: { logQuery } } : {}) });
}

/** Opens (creating if needed) the SQLite file with the pragmas every connection must have. */
export function openDb(file: string, options: TOpenOptions = {}): Db {
  const writer = connect(file, options.readonly ?? false, options);
  // An in-memory database is private to its connection: it reads through the writer.
  const reader = file === ':memory:' || file === '' ? writer : connect(file, true, options);
  const store: TStore = { writer, reader, tail: Promise.resolve() };
  return new Proxy({} as Db, {
    get(_, prop) {
      if (prop === STORE) return store;
      const current = openTx.getStore();
      const inside = current?.open && current.store === store;
      if (!inside && WRITES.has(prop))
        throw new Error(`db.${String(prop)} outside tx(): every write runs in a transaction (ADR 0028)`);
      const target = inside ? writer : reader;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The writer connection itself, for what must run outside a transaction on it: migrations, pragmas, VACUUM. */
export function writerOf(db: Db): Db {
  return storeOf(db).writer as unknown as Db;
}

/**
 * Rows a write changed, from what either engine's driver answers: SQLite's RunResult (`changes`) or
 * node-postgres's QueryResult (`rowCount`). A version check reads it: 0 means someone else was first.
 */
export function changesOf(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}

/** Closes both connections. */
export function closeDb(db: Db): void {
  const { writer, reader } = storeOf(db);
  if (reader !== writer && reader.$client.open) reader.$client.close();
  if (writer.$client.open) writer.$client.close();
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
 * Runs fn in one `BEGIN IMMEDIATE` transaction on the writer connection: the write lock is taken up front,
 * so two writers never both read a version and then race to upgrade their locks. Writes take turns in
 * the process (a queue), since awaiting inside fn lets other requests run meanwhile; their statements go
 * to the reader until this one commits. Nested calls become savepoints.
 */
export async function tx<T>(db: Db, fn: () => T | Promise<T>): Promise<Awaited<T>> {
  const store = storeOf(db);
  const current = openTx.getStore();
  if (current?.open && current.store === store) return savepoint(store, current, fn);
  const turn = store.tail.then(async () => {
    const client = store.writer.$client;
    const mine: TOpenTx = { store, open: true, savepoints: 0 };
    client.exec('begin immediate');
    try {
      const result = await openTx.run(mine, fn);
      mine.open = false;
      client.exec('commit');
      return result as Awaited<T>;
    } catch (err) {
      mine.open = false;
      if (client.inTransaction) client.exec('rollback');
      forgetCached(db); // what the rolled-back writes made may sit under a generation number that comes back
      throw err;
    }
  });
  store.tail = turn.catch(() => undefined);
  return turn as Promise<Awaited<T>>;
}

async function savepoint<T>(store: TStore, current: TOpenTx, fn: () => T | Promise<T>): Promise<Awaited<T>> {
  const name = `sp${++current.savepoints}`;
  const client = store.writer.$client;
  client.exec(`savepoint ${name}`);
  try {
    const result = await fn();
    client.exec(`release ${name}`);
    return result as Awaited<T>;
  } catch (err) {
    client.exec(`rollback to ${name}`);
    client.exec(`release ${name}`);
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
export async function txOrThrow<T>(
  db: Db,
  fn: () => T | Promise<T>,
  onRollback?: (refusal: AppError) => AppError | Promise<AppError>,
): Promise<Exclude<Awaited<T>, Error>> {
  let result: Awaited<T>;
  try {
    result = await tx(db, fn);
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    e.refusal.audited = false; // whatever recorded it was rolled back with the rest
    throw onRollback ? await tx(db, () => onRollback(e.refusal)) : e.refusal;
  }
  if (result instanceof Error) throw result;
  return result as Exclude<Awaited<T>, Error>;
}
