/**
 * One configuration of the engines benchmark (issue 14): N built API servers on one database (a copy of
 * the SQLite city, or a PostgreSQL database copied from it), the lists read one page at a time (a walk's
 * pages alternating between the nodes), then the event load with its connections spread over the nodes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { BENCH_DIR, REPO_ROOT } from './city-cache.js';
import { BENCH_PASSWORD } from './city-db.js';
import { signIn, type TSession } from './http.js';
import { chooseActors, measureRealEvents, type TRealEvents } from './measure-events.js';
import { LIST_ROLES, measureLists, type TLists } from './measure-lists.js';
import type { TSlowPlan } from './pg-slow-plans.js';
import type { TEventPick } from './plan.js';
import { errorCollector, type TServerError } from './server-errors.js';
import { freePort, startServer, type TServer } from './start-server.js';
import { fmtLatency, ms } from './stats.js';

export type TEngine = 'sqlite' | 'postgresql';
export type TConfiguration = { key: string; label: string; engine: TEngine; nodes: number };

export const CONFIGURATIONS: TConfiguration[] = [
  { key: 'sqlite-1', label: 'SQLite, one node', engine: 'sqlite', nodes: 1 },
  { key: 'pg-1', label: 'PostgreSQL, one node', engine: 'postgresql', nodes: 1 },
  { key: 'pg-2', label: 'PostgreSQL, two nodes', engine: 'postgresql', nodes: 2 },
];

export type TConfigResult = {
  key: string;
  label: string;
  engine: TEngine;
  nodes: number;
  round: number;
  startMs: number[];
  actors: number;
  lists: TLists;
  events: TRealEvents;
  /** What the nodes logged about the requests they failed (5xx), by endpoint and message. */
  serverErrors: TServerError[];
  /** Nodes that ended before the run stopped them. */
  died: Array<{ node: number; code: number | null; signal: string | null; lastLines: string[] }>;
  /** PostgreSQL: the statements over `--slow-ms` while this configuration ran, with their plans. */
  slowPlans?: TSlowPlan[];
};

export type TTarget = {
  /** A data folder holding eduflow.db (SQLite), or for PostgreSQL any folder (attachments) and the URL. */
  dataDir: string;
  databaseUrl?: string;
};

type TLog = (s: string) => void;

const SIGN_INS = [...new Set(LIST_ROLES)];

function startNode(
  target: TTarget,
  cpus: string,
  onLine: (line: string) => void,
  nodeArgs: string[],
): Promise<TServer> {
  return freePort().then((port) =>
    startServer({
      script: 'api/dist/server.js',
      env: {
        EDUFLOW_DATA_DIR: target.dataDir,
        EDUFLOW_PORT: String(port),
        EDUFLOW_DEMO: '0',
        EDUFLOW_ADMIN_DIST: join(REPO_ROOT, 'admin', 'dist'),
        ...(target.databaseUrl ? { EDUFLOW_DATABASE_URL: target.databaseUrl } : {}),
      },
      port,
      healthPath: '/api/health',
      nodeArgs,
      cpus,
      onLine,
    }),
  );
}

/** node --cpu-prof into .bench/profiles/engines/<configuration>/ (one file per node, written as it stops). */
const profileArgs = (on: boolean, key: string) =>
  on ? ['--cpu-prof', '--cpu-prof-dir', join(BENCH_DIR, 'profiles', 'engines', key)] : [];

export async function measureConfiguration(
  config: TConfiguration,
  round: number,
  target: TTarget,
  picks: TEventPick[],
  opts: { durationMs: number; connections: number; cpus: string; cpuProf: boolean },
  log: TLog,
): Promise<TConfigResult> {
  const servers: TServer[] = [];
  const collector = errorCollector();
  // One at a time: a PostgreSQL node migrates under the start lock, and the second finds nothing to do.
  try {
    for (let i = 0; i < config.nodes; i++)
      servers.push(await startNode(target, opts.cpus, collector.onLine, profileArgs(opts.cpuProf, config.key)));
    const bases = servers.map((s) => s.url);
    log(
      `  ${config.label}: ${servers.length} node(s) healthy in ${servers.map((s) => ms(s.startMs)).join(', ')} ms${servers[0].pinned ? ` (pinned to cores ${opts.cpus})` : ''}`,
    );
    const sessions = new Map<string, TSession>();
    for (const who of SIGN_INS) sessions.set(who, await signIn(bases[0], who, BENCH_PASSWORD));
    const lists = await measureLists(bases, sessions, () => undefined);
    log(`    lists: ${fmtLatency(lists.all)}`);
    const actors = await chooseActors(bases[0], picks, BENCH_PASSWORD, opts.connections, log);
    const events = await measureRealEvents(bases, actors, opts.durationMs);
    log(
      `    events: ${events.load.rps.toFixed(0)} req/s, ${fmtLatency(events.load.latency)}, errors ${JSON.stringify(events.load.errors)}, resyncs ${events.resyncs}`,
    );
    const serverErrors = collector.errors();
    for (const e of serverErrors) log(`    ${e.count}× ${e.endpoint}: ${e.message}`);
    // A node that ended during the run: how, and the last lines it wrote.
    const died = servers.flatMap((srv, i) => {
      const how = srv.exited();
      return how ? [{ node: i + 1, ...how, lastLines: srv.log().split('\n').slice(-40) }] : [];
    });
    for (const d of died)
      log(`    node ${d.node} ENDED (code ${d.code}, signal ${d.signal}):\n${d.lastLines.join('\n')}`);
    return {
      ...config,
      round,
      startMs: servers.map((s) => s.startMs),
      actors: actors.length,
      lists,
      events,
      serverErrors,
      died,
    };
  } finally {
    for (const s of servers) await s.stop();
  }
}

/** A throw-away data folder under .bench/ (removed by remove()). */
export function runDir(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(BENCH_DIR, `run-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
