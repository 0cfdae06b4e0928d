import { type Db, dialectOf } from './view.js';

// Keyed by the connection of the moment (Db is a view: the writer inside tx(), the reader elsewhere).
const byConnection = new WeakMap<object, Map<string, unknown>>();

type TPgPrepared = { execute: (params?: Record<string, unknown>) => Promise<unknown[]> };

/**
 * A drizzle statement built once per connection — its SQL text and result mapping — and then run with
 * placeholders (`sql.placeholder`). drizzle builds a query's text anew on every call: on the event path
 * that was close to half of an event's CPU (issue 11), for the same nine statements each time. `key`
 * names the statement; `build` must give the same SQL for the same key.
 *
 * On PostgreSQL the statement is built per call (the round trip dominates there, and a transaction's
 * connection is its own) and answers SQLite's `get`/`all`/`run` through `execute`.
 */
export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  if (dialectOf(db) !== 'sqlite') {
    const statement = build(db) as unknown as TPgPrepared;
    return {
      get: async (params?: Record<string, unknown>) => (await statement.execute(params))[0],
      all: (params?: Record<string, unknown>) => statement.execute(params),
      run: (params?: Record<string, unknown>) => statement.execute(params),
      execute: (params?: Record<string, unknown>) => statement.execute(params),
    } as T;
  }
  let statements = byConnection.get(db.$client);
  if (!statements) byConnection.set(db.$client, (statements = new Map()));
  let statement = statements.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    statements.set(key, statement);
  }
  return statement;
}
