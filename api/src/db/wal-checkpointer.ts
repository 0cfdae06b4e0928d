import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

import { logger } from '../log/logger.js';
import { type Db, dialectOf, writerOf } from './client.js';

/**
 * WAL pages (4 KB) past which the serving connection still checkpoints by itself, should the worker fall
 * behind or stop: about 80 MB, where SQLite's default is 1,000 pages.
 */
const FALLBACK_PAGES = 20_000;
const SQLITE_DEFAULT_PAGES = 1000;

// Plain CommonJS, run with `eval`: no file of its own to resolve in the source tree or the built server.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const run = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
setInterval(run, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    db.close();
    process.exit(0);
  }
});
`;

export type TCheckpointRun = { busy: number; log: number; checkpointed: number } | { error: string };

/**
 * Copies the write-ahead log into the database file from a worker thread with its own connection
 * (issue 11). SQLite otherwise does it inside whichever commit crosses 1,000 WAL pages: that commit then
 * writes and syncs megabytes on the only thread that answers requests — at city scale the larger part
 * of a 200-school bulk start's time and its longest stalls. PASSIVE never blocks a writer or a reader.
 */
export function startWalCheckpointer(
  db: Db,
  opts: { everyMs?: number; onRun?: (run: TCheckpointRun) => void } = {},
): { stop: () => Promise<void> } {
  // The WAL is SQLite's; PostgreSQL checkpoints on its own.
  if (dialectOf(db) !== 'sqlite') return { stop: async () => {} };
  const file = db.$client.name;
  if (db.$client.memory || !file) return { stop: async () => {} };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file,
      everyMs: opts.everyMs ?? 1000,
    },
  });
  worker.unref();
  writerOf(db).$client.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  worker.on('message', (run: TCheckpointRun) => {
    if ('error' in run) logger.error({ err: run.error }, 'WAL checkpoint failed');
    opts.onRun?.(run);
  });
  let stopped = false;
  worker.on('error', (error) => {
    logger.error({ err: error }, 'WAL checkpointer stopped');
    // Back to SQLite's own checkpoints on the serving connection.
    if (writerOf(db).$client.open) writerOf(db).$client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
  });
  return {
    // Before the serving connection closes, so that it is the last one and leaves no WAL behind.
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await exited;
    },
  };
}
