import { type Db, dialectOf, tx } from '../db/client.js';
import { logger } from '../log/logger.js';

/** Rows SQLite samples per index when it refreshes statistics: bounded work whatever the table size. */
const ANALYSIS_LIMIT = 1000;
export const OPTIMIZE_EVERY_MS = 60 * 60_000;

/**
 * Keeps the query planner's statistics fresh (issue 11). Without sqlite_stat1 SQLite guessed, and took
 * the open-tasks index for an instance's own tasks — a walk over the district's open work on every event.
 * SQLite's advice for long-lived connections: `optimize=0x10002` when opened (every table, analysing
 * where needed), then plain `optimize` hourly and before closing; `analysis_limit` bounds each run.
 */
export async function optimizeNow(db: Db, first = false): Promise<void> {
  // PostgreSQL keeps its own statistics fresh (autovacuum's ANALYZE): nothing to do there.
  if (dialectOf(db) !== 'sqlite') return;
  // ANALYZE writes the statistics: on the writer, in its turn (tx), never inside another request's transaction.
  await tx(db, () => {
    db.$client.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
    db.$client.pragma(first ? 'optimize = 0x10002' : 'optimize');
  });
}

export async function startOptimizer(db: Db, everyMs = OPTIMIZE_EVERY_MS): Promise<{ stop: () => Promise<void> }> {
  await optimizeNow(db, true);
  const run = () => optimizeNow(db).catch((err: unknown) => logger.error({ err }, 'PRAGMA optimize failed'));
  const handle = setInterval(() => void run(), everyMs);
  handle.unref();
  return {
    stop: async () => {
      clearInterval(handle);
      await run();
    },
  };
}
