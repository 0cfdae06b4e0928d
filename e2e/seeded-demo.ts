import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The demo district seeded once for the whole browser suite (vitest globalSetup): each test file's server
 * starts on a copy of it instead of seeding its own (issue 13: the suite's time) — a copy of the data
 * folder and, in the e2e-pg project, of the PostgreSQL database (CREATE DATABASE … TEMPLATE). Files that
 * need another start (no demo, another password, a prepared folder) still seed afresh.
 */
export type TSeeded = {
  /** The seeded data folder (the SQLite file, or on PostgreSQL the audit checkpoints and attachments). */
  dir: string;
  /** On PostgreSQL: the server and the seeded database each test file's copy is made from. */
  postgres: { serverUrl: string; template: string } | null;
};

declare module 'vitest' {
  export interface ProvidedContext {
    /** What global-setup.ts seeded for this project (null when a file runs without it). */
    e2eSeeded: TSeeded | null;
    /** The run's Chromium (browser-server.ts), for playwright's connect(). */
    e2eBrowser: string;
  }
}

/**
 * A copy of the seeded demo for one server: its data folder filled, and on PostgreSQL a database of its
 * own copied from the seeded one, as the EDUFLOW_DATABASE_URL the server is started with.
 */
export async function copySeeded(seeded: TSeeded | null, dataDir: string): Promise<Record<string, string> | null> {
  if (!seeded) return null;
  cpSync(seeded.dir, dataDir, { recursive: true });
  if (!seeded.postgres) return {};
  const { createDatabase } = await import('../api/src/test/postgres.js');
  const name = `e2e_${process.pid}_${++copies}`;
  return { EDUFLOW_DATABASE_URL: await createDatabase(seeded.postgres.serverUrl, name, seeded.postgres.template) };
}
let copies = 0;

/** Starts the built server on an empty folder with the demo's password, lets it seed, stops it. */
export async function seedOnce(
  repoRoot: string,
  password: string,
  healthy: (url: string) => Promise<void>,
  port: number,
  env: Record<string, string> = {},
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'eduflow-e2e-seeded-'));
  const child = spawn(process.execPath, ['api/dist/server.js'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: {
      ...process.env,
      EDUFLOW_DATA_DIR: dir,
      EDUFLOW_PORT: String(port),
      EDUFLOW_DEMO_PASSWORD: password,
      ...env,
    },
  });
  try {
    await healthy(`http://127.0.0.1:${port}`);
  } finally {
    // SIGTERM: the server checkpoints its WAL and closes, so the copied folder is whole.
    child.kill('SIGTERM');
    await new Promise((ok) => (child.exitCode !== null ? ok(null) : child.once('exit', ok)));
  }
  return dir;
}

export const removeSeeded = (dir: string) => rmSync(dir, { recursive: true, force: true });
