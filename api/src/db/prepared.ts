import type { Db } from './client.js';

// Keyed by the connection of the moment (Db is a view: the writer inside tx(), the reader elsewhere).
const byConnection = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle statement built once per connection — its SQL text and result mapping — and then run with
 * placeholders (`sql.placeholder`). drizzle builds a query's text anew on every call: on the event path
 * that was close to half of an event's CPU (issue 11), for the same nine statements each time. `key`
 * names the statement; `build` must give the same SQL for the same key.
 */
export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  let statements = byConnection.get(db.$client);
  if (!statements) byConnection.set(db.$client, (statements = new Map()));
  let statement = statements.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    statements.set(key, statement);
  }
  return statement;
}
