import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from '@hono/node-server';

import { createApp } from './app.js';
import { CHECKPOINT_FILE_NAME } from './audit/checkpoints.js';
import { passwordMaxAgeDays } from './auth/password-expiry.js';
import { banner, firstStart } from './bootstrap/first-start.js';
import { upgradeStored } from './bootstrap/upgrade-stored.js';
import { attachmentsDirFromEnv, dataDirFromEnv } from './data-dir.js';
import { openDatabase } from './db/open-database.js';
import { startWalCheckpointer } from './db/wal-checkpointer.js';
import { withJsonCompression } from './delivery/compress-json.js';
import { consoleFiles } from './delivery/console-files.js';
import type { Deps } from './deps.js';
import { logger } from './log/logger.js';
import { startPruning } from './ops/prune-history.js';
import { DEFAULT_CHECKPOINT_MINUTES, startCheckpoints } from './scheduler/start-checkpoints.js';
import { startOptimizer } from './scheduler/start-optimizer.js';
import { startScheduler } from './scheduler/start-scheduler.js';

// The same rule the backup, restore and migrate commands use (api/src/data-dir.ts).
const dataDir = dataDirFromEnv();
const port = Number(process.env.EDUFLOW_PORT ?? 8787);
// EDUFLOW_ADMIN_DIST lets a second build (e.g. a parallel browser-test run) be served without touching admin/dist.
const adminDist = process.env.EDUFLOW_ADMIN_DIST
  ? resolve(process.env.EDUFLOW_ADMIN_DIST)
  : fileURLToPath(new URL('../../admin/dist', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };

mkdirSync(dataDir, { recursive: true });
// EDUFLOW_DATABASE_URL selects PostgreSQL (a city's several nodes share it); unset, the SQLite file (issue 14).
const database = await openDatabase(dataDir);
const { db } = database;
const onSqlite = database.dialect === 'sqlite';
const auditCheckpointFile = join(dataDir, CHECKPOINT_FILE_NAME);
const checkpointMinutes = Number(process.env.EDUFLOW_AUDIT_CHECKPOINT_MINUTES ?? DEFAULT_CHECKPOINT_MINUTES);
const deps: Deps = {
  db,
  probeDb: database.probe,
  clock: () => new Date(),
  appVersion: pkg.version ?? '0.0.0',
  secureCookies: process.env.EDUFLOW_SECURE_COOKIES === '1',
  auditCheckpointFile,
  dataDir,
  attachmentsDir: attachmentsDirFromEnv(dataDir),
  passwordMaxAgeDays: passwordMaxAgeDays(),
};

// First start of an empty database: demo district (default) or a lone administrator (EDUFLOW_DEMO=0).
// The entry point wires the demo's seeding in (loaded only when it seeds), so the API itself never imports it.
// Nodes starting together on one PostgreSQL take turns here: one seeds, the others find it seeded.
const startInfo = await database.alone(async () => {
  await upgradeStored(db);
  return firstStart(deps, dataDir, () => import('@eduflow/seeds'));
});

const app = createApp(deps);
// SQLite's own upkeep: statistics for its planner, and the WAL copied into the database file off the
// request thread (a commit used to do it). PostgreSQL does both itself (autovacuum, its checkpointer).
const optimizer = onSqlite ? await startOptimizer(db) : { stop: () => Promise.resolve() };
const walCheckpointer = onSqlite ? startWalCheckpointer(db) : { stop: () => Promise.resolve() };
// How often each node looks for due timers (default 30 s); nodes sharing a database claim each timer once.
const timerPollSeconds = Number(process.env.EDUFLOW_TIMER_POLL_SECONDS ?? 30);
const scheduler = startScheduler(deps, (timerPollSeconds > 0 ? timerPollSeconds : 30) * 1000);
// Fired timers of finished work and old notifications are deleted daily (docs/bench/storage.md).
const pruning = startPruning(db, deps.clock);
// The audit chain's head anchored outside the database (ADR 0004): now, on a schedule, and at shutdown.
const checkpoints = await startCheckpoints(deps, {
  file: auditCheckpointFile,
  everyMs:
    (Number.isFinite(checkpointMinutes) && checkpointMinutes > 0 ? checkpointMinutes : DEFAULT_CHECKPOINT_MINUTES) *
    60_000,
});

if (existsSync(join(adminDist, 'index.html'))) {
  // Precompressed files, long-cached hashed assets, and index.html for the console's client-side routes.
  app.use('*', consoleFiles(adminDist));
} else {
  logger.warn(`console not built (${adminDist} missing): run \`npm run build\`; serving the API only`);
}

const server = serve({ fetch: withJsonCompression(app.fetch), port }, (info) => {
  console.log(banner(`http://localhost:${info.port}`, startInfo, database.where));
});
// exceljs (≈0.2 s to load) is left out of the start and loaded once the server has been up a few seconds,
// so the first spreadsheet export or import does not hold every other request while it loads (issue 11).
// (Reading a member makes the built server's deferred stand-in load the package.)
setTimeout(() => void import('exceljs').then((m) => m.default.Workbook).catch(() => undefined), 3_000).unref();

// Finish in-flight requests, anchor the final audit head, then close the database so the WAL is
// checkpointed into the main file. If requests hang, the head is still anchored before exiting.
const shutdown = () => {
  scheduler.stop();
  pruning.stop();
  server.close(() => {
    void checkpoints
      .stop()
      .then(() => optimizer.stop())
      .then(() => walCheckpointer.stop())
      .finally(() => {
        void database.close().finally(() => process.exit(0));
      });
  });
  setTimeout(() => void checkpoints.stop().finally(() => process.exit(0)), 5000).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
