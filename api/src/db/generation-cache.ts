import type Database from 'better-sqlite3';

import type { cacheGenerations } from './schema.js';
import { type Db, dialectOf } from './view.js';

type TName = (typeof cacheGenerations.$inferSelect)['name'];
type TStore = { generation: number; values: Map<string, unknown> };

const stores = new WeakMap<Db, Map<TName, TStore>>();
// Per connection: inside tx() the writer's (its own uncommitted bumps), elsewhere the reader's.
const reads = new WeakMap<Database.Database, Database.Statement<[TName], { generation: number }>>();

function generationOf(db: Db, name: TName): number {
  let read = reads.get(db.$client);
  if (!read)
    reads.set(
      db.$client,
      (read = db.$client.prepare<[TName], { generation: number }>(
        'select generation from cache_generations where name = ?',
      )),
    );
  return read.get(name)?.generation ?? -1;
}

/**
 * What `load` derives from the rows counted under `name`, computed once per generation of those rows:
 * one primary-key read instead of the queries behind it (an event read the same organisations and
 * calendars several times, issue 11). Triggers bump the generation on every write, from any connection
 * or process, so a hit is never older than the rows. A rolled-back write can bring a generation number
 * back: tx() forgets every cached value of the connection when a transaction throws (forgetCached).
 */
export async function cachedByGeneration<T>(db: Db, name: TName, key: string, load: () => T | Promise<T>): Promise<T> {
  // The generations are kept by SQLite's triggers; until their PostgreSQL versions exist (ADR 0028), every
  // read there loads afresh — slower, never stale.
  if (dialectOf(db) !== 'sqlite') return await load();
  let byName = stores.get(db);
  if (!byName) stores.set(db, (byName = new Map()));
  const generation = generationOf(db, name);
  let store = byName.get(name);
  if (!store || store.generation !== generation) byName.set(name, (store = { generation, values: new Map() }));
  if (store.values.has(key)) return store.values.get(key) as T;
  const value = await load();
  store.values.set(key, value);
  return value;
}

/** Drops everything cached for this connection (after a rollback). */
export function forgetCached(db: Db): void {
  stores.delete(db);
}
