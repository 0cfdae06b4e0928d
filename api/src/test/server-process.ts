import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { demoOtp } from './demo-otp.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVER_PASSWORD = 'Ops#Restore-2026!';

/** A port nothing listens on now (the OS picks it), for a server a test starts. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((ok) =>
    child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok()),
  );

export type ServerProcess = { url: string; output: () => string; stop: () => Promise<void> };

/**
 * The real API as `npm start` runs it (the built `api/dist/server.js` with plain node, demo district seeded
 * into an empty folder), on a free port over `dataDir`, API only (no console needed). Stopped with SIGTERM,
 * like an operator. The API projects' global setup builds the server when its sources changed
 * (api-global.ts): from source through tsx each start spent 2–3 s compiling (issue 13: the suite's time).
 */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['api/dist/server.js'], {
    cwd: REPO_ROOT,
    detached: true, // its own process group, so stop() also ends whatever the server started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EDUFLOW_DATA_DIR: dataDir,
      EDUFLOW_PORT: String(port),
      EDUFLOW_DEMO_PASSWORD: SERVER_PASSWORD,
      EDUFLOW_ADMIN_DIST: join(dataDir, 'no-console'),
      ...env,
    },
  });
  let log = '';
  const append = (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 8_000);
    await exited(child);
    clearTimeout(killer);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy after 90 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, output: () => log, stop };
}

/**
 * Runs one of the operator commands as `npm run backup|restore` does (the built `api/dist/<name>.js` with
 * plain node), collecting its output and exit code.
 */
export function runCommand(
  name: 'backup' | 'restore',
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(
      process.execPath,
      [join('api', 'dist', `${name}.js`), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        ok({ code, stdout, stderr });
      },
    );
  });
}

/** A signed-in API session through the front door (login with a code for the three powers, CSRF header). */
export async function apiSession(url: string, username: string, password = SERVER_PASSWORD) {
  const otp = await demoOtp(url, username);
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, otp }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('eduflow_csrf='))?.split('=')[1] ?? '');
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf };
  const request = (method: string, path: string, body?: unknown) =>
    fetch(`${url}/api${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await request(method, path, body);
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
  return { request, json };
}
