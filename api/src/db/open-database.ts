import { dbFileIn } from '../data-dir.js';
import { closeDb, openDb } from './client.js';
import { migrate } from './migrate.js';
import { migratePostgres } from './pg-migrate.js';
import { openPostgresDb } from './postgres.js';
import type { Db, TDialect } from './view.js';

export type TOpenedDatabase = {
  db: Db;
  dialect: TDialect;
  /** Where the data is, for the start banner and logs (a PostgreSQL URL without its password). */
  where: string;
  /**
   * Runs fn while no other node runs its own: the start-up upgrades and the first start's seeding, which
   * two nodes starting together on an empty PostgreSQL must not both do. One process owns a SQLite file.
   */
  alone: <T>(fn: () => Promise<T>) => Promise<T>;
  /**
   * What health probes read through. On PostgreSQL a connection of its own: a pool busy with fifty writes
   * queues a probe behind them all, and a load balancer would take a busy node for a dead one (issue 14:
   * 2 s at p99 under load). On SQLite the one connection (reads never queue behind writes there).
   */
  probe: Db;
  close: () => Promise<void>;
};

/** The advisory lock nodes take to start one at a time ("start" in ASCII: outside hashtext's int4 keys). */
const START_LOCK = 0x7374617274;

/** A connection URL safe to print: the password replaced. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * The one rule every entry point (server, migrate command) uses to find its database (issue 14, ADR 0028):
 * EDUFLOW_DATABASE_URL=postgres://… selects PostgreSQL, shared by every API node of a city deployment;
 * unset, the embedded SQLite file in the data folder, as `npm start` has always used. Either way the
 * schema is migrated before anything reads it (on PostgreSQL by one node at a time, under the start
 * lock, so nodes starting together migrate once). EDUFLOW_DATABASE_POOL sizes a node's pool (default 10).
 */
export async function openDatabase(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<TOpenedDatabase> {
  const url = env.EDUFLOW_DATABASE_URL?.trim();
  if (url) {
    const max = Number(env.EDUFLOW_DATABASE_POOL ?? 10);
    const { db, pool } = openPostgresDb(url, { max: Number.isInteger(max) && max > 0 ? max : 10 });
    const alone = async <T>(fn: () => Promise<T>): Promise<T> => {
      // A session lock on a connection of its own, held while fn runs on the pool's others.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [START_LOCK]);
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [START_LOCK]).catch(() => undefined);
        client.release();
      }
    };
    try {
      // Migrations, then the retention trigger re-asserted: one node at a time (DDL racing DDL fails).
      await alone(() => migratePostgres(url));
    } catch (err) {
      await pool.end();
      throw err;
    }
    const probing = openPostgresDb(url, { max: 1 });
    return {
      db,
      dialect: 'postgresql',
      where: withoutPassword(url),
      alone,
      probe: probing.db,
      close: async () => {
        await Promise.all([pool.end(), probing.pool.end()]);
      },
    };
  }
  const file = dbFileIn(dataDir);
  const db = openDb(file);
  migrate(db);
  return { db, dialect: 'sqlite', where: file, alone: (fn) => fn(), probe: db, close: async () => closeDb(db) };
}
