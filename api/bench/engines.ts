/**
 * Issue 14's benchmark: the event rate and list latencies of the built API on SQLite, on PostgreSQL with
 * one node, and on PostgreSQL with two nodes, on the same city; writes docs/bench/engines.md and .json.
 * Measures; asserts nothing.
 *   npm run bench:engines                 (20k instances, reusing or building .bench/city-0.02.db)
 *   npm run bench:engines -- --scale 1    (1M: hours the first time)
 */
import { copyFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import pg from 'pg';

// @ts-expect-error: a plain ES module without declarations
import { ensureBuilt } from '../scripts/build.mjs';
import { createDatabase } from '../src/test/postgres.js';
import { cachedCity, copyToRunDir, REPO_ROOT } from './city-cache.js';
import { parseEnginesOptions } from './engines-options.js';
import { type TEnginesRun, type TEnginesScale, writeEnginesReport } from './engines-report.js';
import { CONFIGURATIONS, measureConfiguration, runDir, type TConfigResult, type TTarget } from './engines-run.js';
import { copyCityToPostgres } from './pg-city.js';
import { startBenchPostgres } from './pg-server.js';
import { logSize, logSlowPlans, readSlowPlans, serverLogOf } from './pg-slow-plans.js';
import { planRun } from './plan.js';
import { canPin, pinSelf } from './start-server.js';
import { markBacklogFired, pruneBacklog } from './timers.js';

const opts = parseEnginesOptions(process.argv.slice(2));
const configs = CONFIGURATIONS.filter((c) => !opts.configs || opts.configs.includes(c.key));
const unknown = opts.configs?.filter((k) => !CONFIGURATIONS.some((c) => c.key === k)) ?? [];
if (unknown.length || !configs.length)
  throw new Error(`--configs takes ${CONFIGURATIONS.map((c) => c.key).join(', ')}; not ${unknown.join(', ')}`);
const log = (s: string) => console.log(s);
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: loadavg(),
  pinned: canPin(),
  loadGeneratorPinned: pinSelf(),
};
log(
  `EduFlow engines benchmark — scales ${opts.scales.join(', ')}; ${machine.cores} cores, load average ${machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')}`,
);

async function dropDatabase(serverUrl: string, url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  } finally {
    await admin.end();
  }
}

await ensureBuilt(); // the server measured is the built one `npm start` runs
const postgres = await startBenchPostgres({ durable: opts.durable, cpus: opts.cpus });
const pgLog = await serverLogOf(postgres.url);
const scales: TEnginesScale[] = [];
try {
  for (const scale of opts.scales) {
    const city = await cachedCity(scale, { reuse: !opts.rebuild, log });
    const tag = String(scale).replace(/\W/g, '_');
    // One prepared copy every configuration starts from: the timers already due marked fired (as a live
    // server would have fired them), the picks read from it, and PostgreSQL's city copied from it.
    const prepared = copyToRunDir(city, `engines-${tag}`);
    try {
      const timersBacklog = markBacklogFired(prepared.file);
      const pruned = await pruneBacklog(prepared.file);
      log(`  pruned what a live server would have: ${pruned.timers} timers, ${pruned.notifications} notifications`);
      const plan = planRun(prepared.file, opts.connections * 4);
      log(`scale ${scale}: ${plan.instances} instances, ${timersBacklog} due timers marked fired`);
      const cityUrl = await createDatabase(postgres.url, `city_${tag}`);
      const t0 = performance.now();
      const copied = configs.some((c) => c.engine === 'postgresql')
        ? await copyCityToPostgres(prepared.file, cityUrl, log)
        : [];
      const copyMs = performance.now() - t0;
      // After the copy, so that only the API nodes' statements are explained.
      await logSlowPlans(postgres.url, opts.slowMs);
      const results: TConfigResult[] = [];
      for (let round = 1; round <= opts.rounds; round++) {
        for (const config of configs) {
          const run = runDir(`${config.key}-${tag}`);
          let databaseUrl: string | undefined;
          try {
            if (config.engine === 'sqlite') copyFileSync(prepared.file, join(run.dir, 'eduflow.db'));
            else
              databaseUrl = await createDatabase(postgres.url, `${config.key}_${tag}_${round}`, `city_${tag}`, {
                fileCopy: true,
              });
            const target: TTarget = { dataDir: run.dir, databaseUrl };
            const logFrom = logSize(pgLog);
            const result = await measureConfiguration(config, round, target, plan.eventPicks, opts, log);
            if (databaseUrl) result.slowPlans = readSlowPlans(pgLog, logFrom);
            results.push(result);
          } finally {
            run.remove();
            if (databaseUrl) await dropDatabase(postgres.url, databaseUrl);
          }
        }
      }
      await dropDatabase(postgres.url, cityUrl);
      scales.push({
        scale,
        instances: plan.instances,
        runningInstances: plan.runningInstances,
        auditEvents: plan.auditEvents,
        sqliteBytes: plan.dbBytes,
        timersBacklog,
        pruned,
        copy: { ms: copyMs, rows: copied.reduce((a, c) => a + c.rows, 0), tables: copied.length },
        configurations: results,
      });
    } finally {
      prepared.remove();
    }
  }
} finally {
  await postgres.stop();
}

const out = resolve(REPO_ROOT, opts.out);
const run: TEnginesRun = {
  date: new Date().toISOString(),
  command: ['npm run bench:engines --', ...process.argv.slice(2)].join(' '),
  machine: { ...machine, loadAverageAtEnd: loadavg() },
  postgres: { version: postgres.version, pinned: postgres.pinned, settings: postgres.settings },
  durationSeconds: opts.durationMs / 1000,
  connections: opts.connections,
  rounds: opts.rounds,
  slowMs: opts.slowMs,
  serverCpus: opts.cpus,
  scales,
};
writeEnginesReport(run, out);
log(`report: ${out}.md, ${out}.json`);
