import { closeDb, dialectOf, openDb } from '../db/client.js';
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
