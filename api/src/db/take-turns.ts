import { sql } from 'drizzle-orm';

import { type Db, dialectOf, inTx } from './view.js';

/**
 * Makes the transactions that check one counted limit take turns (issue 14, ADR 0028): a school's campus-entry
 * cap, a workflow's per-school cap, an award level's quota. Each reads how many others there are, then
 * decides; two at once would both see room for one more. SQLite already runs one write transaction at a
 * time (BEGIN IMMEDIATE), so there is nothing to do. PostgreSQL's READ COMMITTED lets two run together, so
 * each takes a transaction-scoped advisory lock per key, named for what is counted, before it counts: the
 * second waits for the first to commit, and its next statement sees the first's row. Keys are taken in
 * sorted order, so two transactions locking the same schools never wait on each other in a circle. A hash
 * collision between two keys only makes unrelated checks take turns; it never lets two through together.
 * The lock lasts until the transaction ends; outside one (a read-only preview of the same check) there is
 * no decision to protect, so no lock.
 */
export async function takeTurnsOn(db: Db, keys: readonly string[]): Promise<void> {
  if (dialectOf(db) !== 'postgresql' || !inTx(db)) return;
  for (const key of [...new Set(keys)].sort()) await db.run(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * A select that claims the rows it reads for this transaction, skipping rows another transaction holds
 * (PostgreSQL's FOR UPDATE SKIP LOCKED): two nodes' schedulers never fire one timer twice, and neither waits
 * for the other. On SQLite the open transaction already holds the database's one write lock.
 */
export function claimingRows<Q extends PromiseLike<unknown>>(db: Db, query: Q): Q {
  return forUpdate(db, query, { skipLocked: true });
}

/**
 * A select that locks the rows it reads until the transaction ends, waiting for another transaction that
 * holds them (PostgreSQL's FOR UPDATE): a read-modify-write of a counter (failed sign-ins) or a
 * use-once value (an authenticator code's step) on two nodes at once then runs one after the other, the
 * second reading what the first wrote. On SQLite the open transaction already holds the one write lock.
 */
export function lockingRows<Q extends PromiseLike<unknown>>(db: Db, query: Q): Q {
  return forUpdate(db, query, {});
}

function forUpdate<Q extends PromiseLike<unknown>>(db: Db, query: Q, config: { skipLocked?: boolean }): Q {
  if (dialectOf(db) !== 'postgresql' || !inTx(db)) return query;
  // The builder is PostgreSQL's at run time (the view hands out drizzle's pg session), which has .for().
  const pgQuery = query as unknown as { for: (strength: 'update', config: { skipLocked?: boolean }) => Q };
  return pgQuery.for('update', config);
}
