import { AsyncLocalStorage } from 'node:async_hooks';

import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';

import type { AppError } from '../errors.js';
import type { AsyncDb } from './postgres.js';

/**
 * What a use-case sees (ADR 0028): drizzle's query builder over the one set of tables, every query awaited,
 * on SQLite or PostgreSQL alike. It is a view: inside tx() its statements go to the open transaction, which
 * sees its own uncommitted rows; elsewhere to what reads the last commit (SQLite's read-only connection, a
 * PostgreSQL pool). A write outside tx() is refused: on SQLite it could land inside another request's open
 * transaction, and on either engine it would escape the locks its invariant needs. `$client` is SQLite's
 * connection of the moment, for the few statements drizzle cannot say (never reached on PostgreSQL).
 */
export type Db = AsyncDb & { $client: Database.Database };

export type TDialect = 'sqlite' | 'postgresql';

/** How one engine opens transactions; the view routes statements by it. */
export type TEngine = {
  dialect: TDialect;
  /** Where statements go outside a transaction. */
  outside: object;
  /** Runs `run` in a new transaction, in its turn; its statements go to `inside`. */
  begin<T>(run: (inside: object) => Promise<T>): Promise<T>;
  /** A savepoint within the open transaction `inside`. */
  nest<T>(inside: object, depth: number, run: (inner: object) => Promise<T>): Promise<T>;
  /** After a rollback (what was cached from the rolled-back rows goes). */
  rolledBack?: () => void;
};

/**
 * `writes` counts the statements of the whole transaction (savepoints share it) that may have written, and
 * rolled-back savepoints: what a transaction memoises from its own reads holds while it stays the same.
 */
type TOpenTx = {
  engine: TEngine;
  inside: object;
  open: boolean;
  depth: number;
  writes: TTxWrites;
  /** What runs last, inside the transaction, before it commits (beforeCommit); savepoints share it. */
  atCommit: Array<() => Promise<void>>;
};
export type TTxWrites = { n: number };

const ENGINE = Symbol('eduflow.engine');
const openTx = new AsyncLocalStorage<TOpenTx>();
const WRITES = new Set<PropertyKey>(['insert', 'update', 'delete', 'run', 'transaction']);
/** SQLite's raw-SQL calls, answered on PostgreSQL through `execute` (the SQL must then be portable). */
const RAW = new Set<PropertyKey>(['run', 'all', 'get', 'values']);
/** Whatever may write: the builder's writes, and raw SQL (which may say UPDATE … RETURNING). */
const MAY_WRITE = new Set<PropertyKey>([...WRITES, ...RAW, 'execute']);

export function engineOf(db: Db): TEngine {
  const engine = (db as unknown as { [ENGINE]?: TEngine })[ENGINE];
  if (!engine) throw new Error('not a database opened by openDb() or openPostgresDb()');
  return engine;
}

export const dialectOf = (db: Db): TDialect => engineOf(db).dialect;

/** The transaction of `engine` open here (statements go to it), if any. */
function openHere(engine: TEngine): TOpenTx | undefined {
  const current = openTx.getStore();
  return current?.open && current.engine === engine ? current : undefined;
}

/** Whether a transaction of this database is open here (statements go to it). */
export function inTx(db: Db): boolean {
  return openHere(engineOf(db)) !== undefined;
}

/**
 * The open transaction's write count (see TOpenTx), or undefined outside one. Its identity names the
 * transaction; while `n` stays the same, the transaction has written nothing since.
 */
export function txWrites(db: Db): TTxWrites | undefined {
  return openHere(engineOf(db))?.writes;
}

/**
 * Runs `work` inside the open transaction just before it commits, after the use-case's own statements, in
 * the order registered; it is dropped when the transaction, or the savepoint it was registered in, rolls
 * back. Outside a transaction it runs now. What must be serialised across nodes for as short a time as
 * possible goes here: a lock taken by `work` is held only from there to the commit.
 */
export async function beforeCommit(db: Db, work: () => Promise<void>): Promise<void> {
  const open = openHere(engineOf(db));
  if (open) open.atCommit.push(work);
  else await work();
}

/** Rows of a read-only raw query on PostgreSQL, through the view's routing but not counted as a write. */
export async function readRows(db: Db, query: SQL): Promise<unknown[]> {
  const engine = engineOf(db);
  const target = openHere(engine)?.inside ?? engine.outside;
  return (await (target as { execute: (q: SQL) => Promise<{ rows: unknown[] }> }).execute(query)).rows;
}

function rawOnPostgres(target: { execute: (q: unknown) => Promise<{ rows: unknown[] }> }, prop: PropertyKey) {
  return async (query: unknown) => {
    const result = await target.execute(query);
    if (prop === 'all') return result.rows;
    if (prop === 'get') return result.rows[0];
    if (prop === 'values') return result.rows.map((r) => Object.values(r as object));
    return result;
  };
}

/** The view over an engine (see Db). */
export function viewOf(engine: TEngine): Db {
  return new Proxy({} as Db, {
    get(_, prop) {
      if (prop === ENGINE) return engine;
      const current = openTx.getStore();
      const inside = current?.open && current.engine === engine ? current.inside : undefined;
      if (!inside && WRITES.has(prop))
        throw new Error(`db.${String(prop)} outside tx(): every write runs in a transaction (ADR 0028)`);
      const target = inside ?? engine.outside;
      if (inside && current && MAY_WRITE.has(prop)) current.writes.n += 1;
      if (engine.dialect === 'postgresql' && RAW.has(prop)) return rawOnPostgres(target as never, prop);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Runs fn in one transaction (SQLite: `BEGIN IMMEDIATE` on the writer, writes taking turns; PostgreSQL: a
 * pooled connection's `READ COMMITTED` transaction). Nested calls become savepoints. fn keeps using the
 * same `db`: the view sends its statements to the open transaction.
 */
export async function tx<T>(db: Db, fn: () => T | Promise<T>): Promise<Awaited<T>> {
  const engine = engineOf(db);
  const current = openTx.getStore();
  if (current?.open && current.engine === engine) {
    const depth = current.depth + 1;
    return engine.nest(current.inside, depth, async (inner): Promise<Awaited<T>> => {
      const mine: TOpenTx = { ...current, inside: inner, open: true, depth };
      const registered = current.atCommit.length;
      try {
        return (await openTx.run(mine, fn)) as Awaited<T>;
      } catch (err) {
        // The savepoint's writes are undone while the transaction goes on: so is what was cached from them,
        // and what it left to do at the commit.
        mine.writes.n += 1;
        mine.atCommit.length = registered;
        engine.rolledBack?.();
        throw err;
      } finally {
        mine.open = false;
      }
    });
  }
  return engine.begin(async (inside): Promise<Awaited<T>> => {
    const mine: TOpenTx = { engine, inside, open: true, depth: 0, writes: { n: 0 }, atCommit: [] };
    try {
      const result = (await openTx.run(mine, fn)) as Awaited<T>;
      // One by one, and what one registers runs too (the list is read as it grows).
      for (let i = 0; i < mine.atCommit.length; i++) await openTx.run(mine, mine.atCommit[i]);
      return result;
    } catch (err) {
      engine.rolledBack?.();
      throw err;
    } finally {
      // Work fn started and left running must not write through a transaction that has ended.
      mine.open = false;
    }
  });
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

/**
 * Rows a write changed, from what either engine's driver answers: SQLite's RunResult (`changes`) or
 * node-postgres's QueryResult (`rowCount`). A version check reads it: 0 means someone else was first.
 */
export function changesOf(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}
