import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';

import { forgetCached } from './generation-cache.js';
import * as schema from './schema.js';
import { type Db, type TEngine, viewOf } from './view.js';

export type { Db } from './view.js';
export { beforeCommit, changesOf, dialectOf, rollback, tx, txOrThrow } from './view.js';

type TSqlite = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
const connections = new WeakMap<Db, { writer: TSqlite; reader: TSqlite }>();

function connectionsOf(db: Db) {
  const found = connections.get(db);
  if (!found) throw new Error('not a SQLite database opened by openDb()');
  return found;
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

/**
 * Opens (creating if needed) the SQLite file as the view use-cases see (view.ts): two connections with the
 * pragmas every connection must have — the writer, whose transactions take turns (BEGIN IMMEDIATE, in a
 * queue: awaiting inside one lets other requests run meanwhile), and a read-only reader for the rest.
 */
export function openDb(file: string, options: TOpenOptions = {}): Db {
  const writer = connect(file, options.readonly ?? false, options);
  // An in-memory database is private to its connection: it reads through the writer.
  const reader = file === ':memory:' || file === '' ? writer : connect(file, true, options);
  const client = writer.$client;
  let tail: Promise<unknown> = Promise.resolve();
  const engine: TEngine = {
    dialect: 'sqlite',
    outside: reader,
    begin<T>(run: (inside: object) => Promise<T>): Promise<T> {
      const turn = tail.then(async () => {
        client.exec('begin immediate');
        try {
          const result = await run(writer);
          client.exec('commit');
          return result;
        } catch (err) {
          if (client.inTransaction) client.exec('rollback');
          throw err;
        }
      });
      tail = turn.catch(() => undefined);
      return turn;
    },
    async nest<T>(_inside: object, depth: number, run: (inner: object) => Promise<T>): Promise<T> {
      const name = `sp${depth}`;
      client.exec(`savepoint ${name}`);
      try {
        const result = await run(writer);
        client.exec(`release ${name}`);
        return result;
      } catch (err) {
        client.exec(`rollback to ${name}`);
        client.exec(`release ${name}`);
        throw err;
      }
    },
    // What the rolled-back writes made may sit under a generation number that comes back.
    rolledBack: () => forgetCached(db),
  };
  const db = viewOf(engine);
  connections.set(db, { writer, reader });
  return db;
}

/** The writer connection itself, for what must run outside a transaction on it: migrations, pragmas, VACUUM. */
export function writerOf(db: Db): Db {
  return connectionsOf(db).writer as unknown as Db;
}

/** Closes both connections. */
export function closeDb(db: Db): void {
  const { writer, reader } = connectionsOf(db);
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
