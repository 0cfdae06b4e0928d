/**
 * The PostgreSQL the engines benchmark runs on: the test harness's cluster (api/src/test/postgres.ts),
 * durable unless asked otherwise, pinned to the servers' cores so that each configuration has the same
 * CPUs for everything that answers a request (API nodes and database), and the load generator the rest.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import pg from 'pg';

import { startPostgres, type TestPostgres } from '../src/test/postgres.js';
import { canPin } from './start-server.js';

export type TBenchPostgres = TestPostgres & { version: string; pinned: boolean; settings: Record<string, string> };

const SHOWN = ['fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections'];

/** Pins the postmaster and its processes (backends forked later inherit it) to `cpus`. */
function pin(pid: number, cpus: string): boolean {
  const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return [String(pid), ...children].every(
    (p) => spawnSync('taskset', ['-a', '-p', '-c', cpus, p], { stdio: 'ignore' }).status === 0,
  );
}

export async function startBenchPostgres(opts: { durable: boolean; cpus: string }): Promise<TBenchPostgres> {
  const server = await startPostgres({ durable: opts.durable });
  try {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    let dataDir: string;
    let version: string;
    const settings: Record<string, string> = {};
    try {
      dataDir = (await client.query<{ d: string }>('select current_setting($1) d', ['data_directory'])).rows[0].d;
      version = (await client.query<{ v: string }>('select version() v')).rows[0].v;
      for (const name of SHOWN)
        settings[name] = (await client.query<{ v: string }>('select current_setting($1) v', [name])).rows[0].v;
    } finally {
      await client.end();
    }
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const pinned = canPin() && pin(postmaster, opts.cpus);
    return { ...server, version, pinned, settings };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
