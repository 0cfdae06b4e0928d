import { eq, sql } from 'drizzle-orm';

import { prepared } from './prepared.js';
import { cacheGenerations } from './schema.js';
import { type Db, dialectOf, readRows, type TTxWrites, txWrites } from './view.js';

type TName = (typeof cacheGenerations.$inferSelect)['name'];
type TStore = { generation: number | string; values: Map<string, unknown> };

const stores = new WeakMap<Db, Map<TName, TStore>>();

/** A transaction's reading of every generation, kept while it has not written (PostgreSQL). */
const readings = new WeakMap<TTxWrites, { at: number; generations: Map<string, string> }>();

// Through the view: inside tx() the transaction's own connection (its own uncommitted writes), elsewhere the
// reader (SQLite) or the pool (PostgreSQL). SQLite: the generation, bumped by every write (one writer at a time);
// built once per connection (prepared()). PostgreSQL: the generation, bumped once at each writing commit, and the
// number of this transaction's last write (migrations-pg 0003): `3/` outside a transaction, `3/17` inside one
// after a write, so a transaction reads its own writes and never another's. Every name is read in one round
// trip, and a transaction keeps that reading until it writes: an event asked six times (each a round trip
// to the database server, issue 14). Within that transaction the cached reference data (people, definitions,
// organisations, calendars) is then as of its first reading, as a SQLite transaction sees one snapshot; what
// must not be stale there is guarded by locks (take-turns.ts), never by these caches.
async function generationOf(db: Db, name: TName): Promise<number | string> {
  if (dialectOf(db) === 'postgresql') {
    const writes = txWrites(db);
    const kept = writes ? readings.get(writes) : undefined;
    if (writes && kept?.at === writes.n) return kept.generations.get(name) ?? -1;
    const rows = (await readRows(
      db,
      sql`select name, generation || '/' || coalesce(current_setting('eduflow.cache_' || name, true), '') as g
        from cache_generations`,
    )) as Array<{ name: string; g: string }>;
    const generations = new Map(rows.map((r) => [r.name, r.g]));
    if (writes) readings.set(writes, { at: writes.n, generations });
    return generations.get(name) ?? -1;
  }
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
 * or process (SQLite's migrations 0021/0024, PostgreSQL's 0002/0003), so a hit is never older than the
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
