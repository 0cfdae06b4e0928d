/**
 * PostgreSQL's plans for the statements that were slow while the benchmark ran (issue 14: no scan, no temp
 * sort on a hot query at 1M). `auto_explain` logs the plan of every statement over a threshold, nested ones
 * (trigger functions) included, in the server's log; this reads the part of the log one configuration
 * wrote and groups the plans by statement, flagging sequential scans and sorts.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

import pg from 'pg';

export type TSlowPlan = {
  /** The statement, whitespace collapsed (parameters stay as `$n`). */
  query: string;
  times: number;
  maxMs: number;
  totalMs: number;
  /** Tables read by a sequential scan, and the sort keys sorted, in the slowest instance's plan. */
  seqScans: string[];
  sorts: string[];
  /** The slowest instance's plan, as auto_explain printed it. */
  plan: string;
};

/** Loads auto_explain into every new session of the server, for statements over `minMs`. */
export async function logSlowPlans(serverUrl: string, minMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`load 'auto_explain'`); // its settings are unknown to ALTER SYSTEM until it is loaded
    await client.query(`alter system set session_preload_libraries = 'auto_explain'`);
    await client.query(`alter system set auto_explain.log_min_duration = '${Math.round(minMs)}ms'`);
    await client.query(`alter system set auto_explain.log_nested_statements = on`);
    await client.query(`select pg_reload_conf()`);
  } finally {
    await client.end();
  }
}

/** The server's log file (beside its data directory, where the test harness's `pg_ctl -l` writes it). */
export async function serverLogOf(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ d: string }>(`select current_setting('data_directory') d`);
    return rows[0].d.replace(/\/data\/?$/, '/server.log');
  } finally {
    await client.end();
  }
}

export const logSize = (file: string): number => statSync(file).size;

function readFrom(file: string, offset: number): string {
  const size = logSize(file);
  const buffer = Buffer.alloc(Math.max(0, size - offset));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

const ENTRY = /^\S.*?LOG:\s+duration: ([\d.]+) ms\s+plan:\n([\s\S]*?)(?=^\S|(?![\s\S]))/gm;

/** The plans auto_explain logged in `file` after byte `offset`, grouped by statement, slowest first. */
export function readSlowPlans(file: string, offset: number): TSlowPlan[] {
  const byQuery = new Map<string, TSlowPlan>();
  for (const m of readFrom(file, offset).matchAll(ENTRY)) {
    const ms = Number(m[1]);
    const body = m[2].replace(/^\t/gm, '');
    const queryText = /Query Text: ([\s\S]*?)\n(?=\S)/.exec(body)?.[1] ?? body.split('\n')[0];
    const query = queryText.replace(/\s+/g, ' ').trim();
    const plan = body.slice(body.indexOf('\n', body.indexOf('Query Text:')) + 1).trimEnd();
    const seen = byQuery.get(query);
    const slowest = !seen || ms > seen.maxMs;
    const entry = seen ?? { query, times: 0, maxMs: 0, totalMs: 0, seqScans: [], sorts: [], plan };
    entry.times += 1;
    entry.totalMs += ms;
    if (slowest) {
      entry.maxMs = ms;
      entry.plan = plan;
      entry.seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((s) => s[1]);
      entry.sorts = [...plan.matchAll(/Sort Key: (.*)/g)].map((s) => s[1].trim());
    }
    byQuery.set(query, entry);
  }
  return [...byQuery.values()].sort((a, b) => b.totalMs - a.totalMs);
}
