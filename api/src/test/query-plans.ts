import { drizzle } from 'drizzle-orm/better-sqlite3';

import type { Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import type { Deps } from '../deps.js';
import type { Harness } from './harness.js';

/**
 * Runs a list use-case on a logging connection to the harness's database and returns SQLite's plan
 * (EXPLAIN QUERY PLAN) for each query it sent that reads `table`: what the query-plan tests assert on.
 */
export function plansOf(h: Pick<Harness, 'db' | 'clock'>, run: (deps: Deps) => unknown, table: string): string[] {
  const sent: Array<{ sql: string; params: unknown[] }> = [];
  const db = drizzle(h.db.$client, {
    schema,
    logger: { logQuery: (sql, params) => sent.push({ sql, params }) },
  }) as unknown as Db;
  run({ db, clock: h.clock.now });
  return sent
    .filter((q) => q.sql.includes(`from "${table}"`))
    .map((q) =>
      (h.db.$client.prepare(`explain query plan ${q.sql}`).all(...(q.params as never[])) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('\n'),
    );
}
