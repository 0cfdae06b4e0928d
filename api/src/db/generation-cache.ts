import { eq, sql } from 'drizzle-orm';

import { prepared } from './prepared.js';
import { cacheGenerations } from './schema.js';
import type { Db } from './view.js';

type TName = (typeof cacheGenerations.$inferSelect)['name'];
type TStore = { generation: number; values: Map<string, unknown> };

const stores = new WeakMap<Db, Map<TName, TStore>>();

// Through the view: inside tx() the transaction's own connection (its own uncommitted bumps), elsewhere the
// reader (SQLite) or the pool (PostgreSQL); built once per SQLite connection (prepared()).
async function generationOf(db: Db, name: TName): Promise<number> {
  const row = await prepared(db, 'cache.generation', (d) =>
    d
      .select({ generation: cacheGenerations.generation })
      .from(cacheGenerations)
      .where(eq(cacheGenerations.name, sql.placeholder('name')))
      .prepare(),
  ).get({ name });
  return row?.generation ?? -1;
}

/**
 * What `load` derives from the rows counted under `name`, computed once per generation of those rows:
 * one primary-key read instead of the queries behind it (an event read the same organisations and
 * calendars several times, issue 11). Triggers bump the generation on every write, from any connection
 * or process (SQLite's migrations 0021/0024, PostgreSQL's 0002_triggers), so a hit is never older than the
 * rows. A rolled-back write can bring a generation number back: tx() forgets every cached value of the
 * database when a transaction or savepoint throws (forgetCached).
 */
export async function cachedByGeneration<T>(db: Db, name: TName, key: string, load: () => T | Promise<T>): Promise<T> {
  let byName = stores.get(db);
  if (!byName) stores.set(db, (byName = new Map()));
  const generation = await generationOf(db, name);
  let store = byName.get(name);
  if (!store || store.generation !== generation) byName.set(name, (store = { generation, values: new Map() }));
  if (store.values.has(key)) return store.values.get(key) as T;
  const value = await load();
  store.values.set(key, value);
  return value;
}

/** Drops everything cached for this database (after a rollback). */
export function forgetCached(db: Db): void {
  stores.delete(db);
}
