import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The demo district seeded once for the whole browser suite (vitest globalSetup): each test file's server
 * starts on a copy of this data folder instead of seeding its own (issue 13: the suite's time). Files that
 * need another start (no demo, another password, a prepared folder) still seed afresh.
 */
export const SEEDED_ENV = 'EDUFLOW_E2E_SEEDED_DIR';

export function copySeeded(dataDir: string): boolean {
  const seeded = process.env[SEEDED_ENV];
  if (!seeded) return false;
  cpSync(seeded, dataDir, { recursive: true });
  return true;
}

/** Starts the built server on an empty folder with the demo's password, lets it seed, stops it. */
export async function seedOnce(
  repoRoot: string,
  password: string,
  healthy: (url: string) => Promise<void>,
  port: number,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'eduflow-e2e-seeded-'));
  const child = spawn(process.execPath, ['api/dist/server.js'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: { ...process.env, EDUFLOW_DATA_DIR: dir, EDUFLOW_PORT: String(port), EDUFLOW_DEMO_PASSWORD: password },
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
