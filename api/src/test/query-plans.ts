import type pg from 'pg';

import { closeDb, dialectOf, openDb } from '../db/client.js';
import { openPostgresDb } from '../db/postgres.js';
import type { Deps } from '../deps.js';
import type { Harness } from './harness.js';

/**
 * Runs a use-case on logging connections to the harness's database and returns SQLite's plan
 * (EXPLAIN QUERY PLAN) for each query it sent that reads `table`: what the query-plan tests assert on.
 */
export async function plansOf(
  h: Pick<Harness, 'db' | 'clock'>,
  run: (deps: Deps) => unknown,
  table: string,
): Promise<string[]> {
  if (dialectOf(h.db) !== 'sqlite')
    throw new Error('plansOf reads SQLite’s EXPLAIN QUERY PLAN: its tests go in a *.sqlite.test.ts file');
  const sent: Array<{ sql: string; params: unknown[] }> = [];
  const db = openDb(h.db.$client.name, { logQuery: (sql: string, params: unknown[]) => sent.push({ sql, params }) });
  try {
    await run({ db, clock: h.clock.now });
  } finally {
    closeDb(db);
  }
  return sent
    .filter((q) => q.sql.includes(`from "${table}"`))
    .map((q) =>
      (h.db.$client.prepare(`explain query plan ${q.sql}`).all(...(q.params as never[])) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('\n'),
    );
}

/**
 * PostgreSQL's estimated plan (EXPLAIN, with the statement's own parameters) of each query a use-case sent
 * that reads `table`, run on a pool of its own to the harness's database (`url`). PostgreSQL plans from its
 * statistics: a test gives the tables enough rows and runs ANALYZE first, or the plans say nothing.
 */
export async function pgPlansOf(
  h: Pick<Harness, 'clock'> & { url: string },
  run: (deps: Deps) => unknown,
  table: string,
): Promise<string[]> {
  const { db, pool } = openPostgresDb(h.url, { max: 1 });
  const sent: Array<{ text: string; values: unknown[] }> = [];
  const query = pool.query.bind(pool) as (q: unknown, v?: unknown) => Promise<pg.QueryResult>;
  // drizzle sends each statement outside a transaction through the pool: a { text } config and its values.
  (pool as unknown as { query: typeof query }).query = (q, v) => {
    const text = (q as { text?: string }).text;
    if (text) sent.push({ text, values: Array.isArray(v) ? v : [] });
    return query(q, v);
  };
  try {
    await run({ db, clock: h.clock.now });
    const plans: string[] = [];
    for (const q of sent.filter((x) => x.text.includes(`from "${table}"`))) {
      const { rows } = await query({ text: `explain ${q.text}`, values: q.values });
      plans.push(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
    }
    return plans;
  } finally {
    await pool.end();
  }
}
