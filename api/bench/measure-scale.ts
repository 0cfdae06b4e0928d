/**
 * One city size: the real API on a copy of the cached database (lists, reports, event load, bulk start,
 * Excel export, audit verify), then — never at the same time, they share the core — the bare endpoint
 * on a fresh copy with the same principals and instances.
 */
import { join } from 'node:path';

import { BENCH_DIR, copyToRunDir, REPO_ROOT, type TCachedCity } from './city-cache.js';
import { BENCH_PASSWORD } from './city-db.js';
import { request, signIn, type TSession } from './http.js';
import type { TLoadResult } from './load.js';
import { measureBulk, type TBulk } from './measure-bulk.js';
import { measureConsole, type TConsole } from './measure-console.js';
import {
  chooseActors,
  measureBareEvents,
  measureConst,
  measureRealEvents,
  type TRealEvents,
} from './measure-events.js';
import { measureExport, type TExport } from './measure-export.js';
import { LIST_ROLES, measureLists, type TLists } from './measure-lists.js';
import { measureReports, type TReports } from './measure-reports.js';
import { measureSchedulerTick, type TSchedulerTick } from './measure-scheduler.js';
import { measureVerify, type TVerify } from './measure-verify.js';
import { planRun, type TEventPick, type TPlan } from './plan.js';
import { freePort, startServer } from './start-server.js';
import { sleep } from './stats.js';
import { fmtLatency, ms } from './stats.js';
import { markBacklogFired } from './timers.js';

type TOpts = { durationMs: number; connections: number; cpuProf: boolean };
type TLog = (s: string) => void;

export type TApiResult = {
  pinned: boolean;
  startMs: number;
  actors: number;
  events: TRealEvents;
  lists: TLists;
  reports: TReports;
  bulk: TBulk;
  export: TExport & { afterLoadsMb: number };
  verify: TVerify;
  console: TConsole;
  schedulerTick: TSchedulerTick;
};
export type TBareResult = { startMs: number; events: TLoadResult; constant: TLoadResult };
export type TScaleResult = {
  scale: number;
  source: string;
  buildSeconds: number | null;
  instances: number;
  runningInstances: number;
  auditEvents: number;
  dbBytes: number;
  bytesPerInstance: number;
  storage: TPlan['storage'];
  /** Timers already due in the cached city, marked fired before the start (a live server has no such backlog). */
  timersBacklog: number;
  api: TApiResult;
  bare: TBareResult;
  /** Events per second of the real route as a share of the bare endpoint's, same run. */
  shareOfBare: number;
};

const SIGN_INS = [...new Set([...LIST_ROLES, 'reviewer', 'principal1', 'admin', 'auditor'])];

async function measureApi(
  plan: TPlan,
  file: string,
  dir: string,
  opts: TOpts,
  log: TLog,
): Promise<TApiResult & { picks: TEventPick[] }> {
  const port = await freePort();
  const start = () =>
    startServer({
      // The production server, as `npm start` runs it (built by api/scripts/build.mjs before the run).
      script: 'api/dist/server.js',
      // EDUFLOW_DEMO=0 on a populated database: no seeding, no generated password; the built console served.
      env: {
        EDUFLOW_DATA_DIR: dir,
        EDUFLOW_PORT: String(port),
        EDUFLOW_DEMO: '0',
        EDUFLOW_ADMIN_DIST: join(REPO_ROOT, 'admin', 'dist'),
      },
      port,
      healthPath: '/api/health',
      nodeArgs: opts.cpuProf
        ? ['--cpu-prof', `--cpu-prof-dir=${join(BENCH_DIR, 'profiles', String(plan.instances))}`]
        : [],
    });
  let server = await start();
  const startMs = server.startMs;
  try {
    log(
      `  API healthy ${ms(server.startMs)} ms after spawn (pid ${server.pid}${server.pinned ? ', pinned to core 1' : ''})`,
    );
    const base = server.url;
    const sessions = new Map<string, TSession>();
    for (const who of SIGN_INS) sessions.set(who, await signIn(base, who, BENCH_PASSWORD));

    const lists = await measureLists(base, sessions, log);
    log(`  lists: ${fmtLatency(lists.all)}`);
    const reports = await measureReports(base, sessions);
    log(`  reports: ${fmtLatency(reports.all)}`);
    const dashboard = await measureConsole(base);
    log(
      `  bureau dashboard in Chromium: ${'medianMs' in dashboard ? `figures ${ms(dashboard.medianMs)} ms after the sign-in click (median of ${dashboard.runs.map(ms).join(', ')})` : dashboard.skipped}`,
    );

    const actors = await chooseActors(base, plan.eventPicks, BENCH_PASSWORD, opts.connections, log);
    const events = await measureRealEvents(base, actors, opts.durationMs);
    log(
      `  events: ${events.load.rps.toFixed(0)} req/s, ${fmtLatency(events.load.latency)}, errors ${JSON.stringify(events.load.errors)}, resyncs ${events.resyncs}`,
    );
    log(`  health while saturated: ${fmtLatency(events.health)}`);

    const bulk = await measureBulk(base, sessions.get('admin')!, plan);
    log(
      `  bulk 200: ${ms(bulk.ms)} ms (${bulk.started} started, ${bulk.failed} failed), health max ${ms(bulk.stall.max)} ms`,
    );
    // The export's own memory: on a server restarted for it (sessions live in the database and survive),
    // not on top of what the lists, reports and 50-connection loads above left in this process's heap.
    server.resetPeak();
    const afterLoadsMb = server.peakRssMb();
    await server.stop();
    server = await start();
    // A running server has loaded the Excel writer long before anyone exports (server.ts, 3 s after start)
    // and has run exports before: one of the newest ~5,000 instances first, so the measured one times the
    // export, not a one-off module load and first compilation (the first export in a fresh process stalled
    // 125 ms on the 20k city, the next ones 19–67 ms).
    await sleep(4_000);
    await request(`${server.url}/api/exports/instances.xlsx?from=${encodeURIComponent(plan.warmExportFrom)}`, {
      headers: { cookie: sessions.get('admin')!.cookie },
      timeoutMs: 60_000,
    });
    const xlsx = { ...(await measureExport(server, sessions.get('admin')!, file, plan.exportFrom)), afterLoadsMb };
    log(
      `  export: ${xlsx.rows}/${xlsx.expectedRows} rows in ${ms(xlsx.ms)} ms, peak RSS ${xlsx.peakRssMb.toFixed(0)} MB (restarted server at ${xlsx.rssBeforeMb.toFixed(0)} MB; ${afterLoadsMb.toFixed(0)} MB after the loads before it), health max ${ms(xlsx.stall.max)} ms`,
    );
    const verify = await measureVerify(base, sessions.get('auditor')!);
    log(
      `  audit verify: ${verify.ok ? 'ok' : `NOT ok (${verify.reason})`}, ${verify.events} events in ${ms(verify.ms)} ms, health max ${ms(verify.stall.max)} ms`,
    );
    const schedulerTick = await measureSchedulerTick(base, file);
    log(
      `  scheduler tick: ${schedulerTick.timers - schedulerTick.left} of ${schedulerTick.timers} due timers fired within ${ms(schedulerTick.waitedMs)} ms, health max ${ms(schedulerTick.stall.max)} ms`,
    );
    // The bare endpoint replays the same principals on the same instances, at the versions its fresh copy holds.
    const picks = actors.map((a) => plan.eventPicks.find((p) => p.instanceId === a.instanceId)!);
    return {
      pinned: server.pinned,
      startMs,
      actors: actors.length,
      events,
      lists,
      reports,
      bulk,
      export: xlsx,
      verify,
      schedulerTick,
      console: dashboard,
      picks,
    };
  } finally {
    await server.stop();
  }
}

async function measureBare(city: TCachedCity, picks: TEventPick[], opts: TOpts, log: TLog): Promise<TBareResult> {
  const run = copyToRunDir(city, `bare-${city.scale}`);
  try {
    const port = await freePort();
    const server = await startServer({
      script: 'api/bench/bare-endpoint.ts',
      env: { BARE_DB: run.file, BARE_PORT: String(port) },
      port,
      healthPath: '/health',
    });
    try {
      const events = await measureBareEvents(server.url, picks, opts.durationMs);
      log(
        `  bare events: ${events.rps.toFixed(0)} req/s, ${fmtLatency(events.latency)}, errors ${JSON.stringify(events.errors)}`,
      );
      const constant = await measureConst(server.url, opts.connections, opts.durationMs);
      log(`  bare GET /const: ${constant.rps.toFixed(0)} req/s, ${fmtLatency(constant.latency)}`);
      return { startMs: server.startMs, events, constant };
    } finally {
      await server.stop();
    }
  } finally {
    run.remove();
  }
}

export async function measureScale(city: TCachedCity, opts: TOpts, log: TLog): Promise<TScaleResult> {
  const run = copyToRunDir(city, `api-${city.scale}`);
  let plan: TPlan;
  let api: TApiResult & { picks: TEventPick[] };
  let timersBacklog: number;
  try {
    timersBacklog = markBacklogFired(run.file);
    log(`  ${timersBacklog} timers already due marked fired (no scheduler backlog, as in a live district)`);
    plan = planRun(run.file, opts.connections * 4);
    log(
      `  ${plan.instances} instances (${plan.runningInstances} running), ${plan.auditEvents} audit events, ${(plan.dbBytes / 2 ** 20).toFixed(0)} MB`,
    );
    api = await measureApi(plan, run.file, run.dir, opts, log);
  } finally {
    run.remove();
  }
  const bare = await measureBare(city, api.picks, opts, log);
  const { picks: _picks, ...apiResult } = api;
  return {
    scale: city.scale,
    source: city.source,
    buildSeconds: city.buildSeconds,
    instances: plan.instances,
    runningInstances: plan.runningInstances,
    auditEvents: plan.auditEvents,
    dbBytes: plan.dbBytes,
    bytesPerInstance: plan.dbBytes / plan.instances,
    storage: plan.storage,
    timersBacklog,
    api: apiResult,
    bare,
    shareOfBare: api.events.load.rps / bare.events.rps,
  };
}
