/**
 * Starts a server script (the real API, or the bare endpoint) as a child process pinned to one core
 * with `taskset -c <core>` when available, and waits until it answers.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';

import { REPO_ROOT } from './city-cache.js';
import { request } from './http.js';
import { sleep } from './stats.js';

export const SERVER_CORE = 1;
export const LOAD_CORE = 0;
export const canPin = () => cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;

/** Pins this process (the load generator) to the other core, all threads. */
export function pinSelf(): boolean {
  return canPin() && spawnSync('taskset', ['-a', '-p', '-c', String(LOAD_CORE), String(process.pid)]).status === 0;
}

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

export type TServer = {
  url: string;
  pid: number;
  pinned: boolean;
  /** Spawn to first healthy answer. */
  startMs: number;
  log: () => string;
  /** Peak resident memory (VmHWM) in MB since start or the last resetPeak(). */
  peakRssMb: () => number;
  resetPeak: () => void;
  /** How it ended, if it ended before stop() (null while it runs). */
  exited: () => { code: number | null; signal: string | null } | null;
  stop: () => Promise<void>;
};

const exited = (child: ChildProcess) =>
  new Promise<void>((ok) =>
    child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok()),
  );

export async function startServer(input: {
  script: string;
  env: Record<string, string>;
  port: number;
  healthPath: string;
  nodeArgs?: string[];
  timeoutMs?: number;
  /** The cores to pin to (a taskset list, e.g. "1" or "1-3"); SERVER_CORE by default. */
  cpus?: string;
  /** Sees every line the server writes (log() keeps only the last 20,000 characters). */
  onLine?: (line: string) => void;
}): Promise<TServer> {
  const pinned = canPin();
  // A built script (.js, the production server) runs with plain node; a TypeScript one through tsx.
  const loader = input.script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const node = [process.execPath, ...(input.nodeArgs ?? []), ...loader, input.script];
  const [cmd, ...args] = pinned ? ['taskset', '-c', input.cpus ?? String(SERVER_CORE), ...node] : node;
  const t0 = performance.now();
  // taskset execs node, so the child's pid is the server's own (its /proc status is the server's memory).
  const child = spawn(cmd, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...input.env },
  });
  let log = '';
  let partial = '';
  const append = (chunk: Buffer) => {
    const text = chunk.toString();
    log = (log + text).slice(-20_000);
    if (!input.onLine) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) input.onLine(line);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', kill);
  const url = `http://127.0.0.1:${input.port}`;
  const deadline = Date.now() + (input.timeoutMs ?? 300_000);
  let startMs = NaN;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${input.script} exited with ${child.exitCode} before it answered:\n${log}`);
    const res = await request(`${url}${input.healthPath}`, { fresh: true, timeoutMs: 5000 }).catch(() => null);
    if (res?.status === 200) {
      startMs = performance.now() - t0;
      break;
    }
    await sleep(20);
  }
  if (!Number.isFinite(startMs)) {
    kill();
    throw new Error(`${input.script} did not answer ${input.healthPath} in time:\n${log}`);
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    pinned,
    startMs,
    log: () => log,
    peakRssMb: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024,
    // Writing 5 to clear_refs resets the peak resident set size (VmHWM) to the current size.
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    exited: () =>
      child.exitCode === null && child.signalCode === null ? null : { code: child.exitCode, signal: child.signalCode },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(kill, 15_000);
        await exited(child);
        clearTimeout(killer);
      }
      process.removeListener('exit', kill);
    },
  };
}
