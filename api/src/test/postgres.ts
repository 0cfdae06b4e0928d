import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { freePort } from './server-process.js';

/**
 * A real PostgreSQL for tests (issue 14): the distribution's server (`apt-get install postgresql`), a
 * cluster made by initdb in a temp folder and started by pg_ctl on a free port, stopped and deleted after.
 * Durability is switched off (fsync, synchronous commit): a test cluster is thrown away, and it is the
 * database's semantics, not its disk, that the tests are about. Running as root, the tools run as the
 * `postgres` user, which the package creates.
 */
export type TestPostgres = {
  /** `postgres://…` for a database of its own; `database(name)` makes another. */
  url: string;
  database: (name: string) => Promise<string>;
  stop: () => Promise<void>;
};

const OWNER = 'eduflow';

/** The folder with initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<major>/bin. */
export function postgresBin(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((m) => existsSync(join(root, m, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : undefined;
}

function runAs(bin: string, tool: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
    : [join(bin, tool), args];
  return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `durable`: PostgreSQL's own defaults (fsync, synchronous commit, full page writes), as a benchmark wants. */
export async function startPostgres(opts: { durable?: boolean } = {}): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does it)');
  const dir = mkdtempSync(join(tmpdir(), 'eduflow-pg-'));
  chmodSync(dir, 0o777); // the postgres user writes here when the tests run as root
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    runAs(bin, 'initdb', ['-D', data, '-U', OWNER, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    ...(opts.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    '-c max_connections=200',
  ].join(' ');
  try {
    runAs(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (e) {
    // What the server said is in its log, which goes with the folder: keep it in the error.
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-2_000) : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${String(e)}\n${log}`, { cause: e });
  }
  const urlOf = (db: string) => `postgres://${OWNER}@127.0.0.1:${port}/${db}`;
  let databases = 0;
  return {
    url: urlOf('postgres'),
    async database(name) {
      databases += 1;
      return createDatabase(urlOf('postgres'), `${name}_${databases}`);
    },
    async stop() {
      try {
        runAs(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A new database on the server of `serverUrl` (its `postgres` database), named from `name` (made safe as an
 * identifier): empty, or a copy of the database `template` (PostgreSQL copies it file by file, far faster
 * than seeding again; nothing may be connected to the template meanwhile). Returns its URL.
 */
export async function createDatabase(
  serverUrl: string,
  name: string,
  template?: string,
  /** Copy the template's files (PostgreSQL 15's default logs every block: slow for a benchmark's gigabytes). */
  opts: { fileCopy?: boolean } = {},
): Promise<string> {
  const db = name
    .replace(/[^a-z0-9_]/gi, '_')
    .toLowerCase()
    .slice(0, 60);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const from = template
      ? ` TEMPLATE ${template.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}${opts.fileCopy ? ' STRATEGY FILE_COPY' : ''}`
      : '';
    await admin.query(`CREATE DATABASE ${db}${from}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${db}`;
  return url.toString();
}
