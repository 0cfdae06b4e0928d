import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

import { copySeeded } from './seeded-demo';
import { DEMO_TOTP, nextTotp, sharedSession } from './two-factor';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT_DIR = join(REPO_ROOT, 'test-output');
export const DEMO_PASSWORD = process.env.EDUFLOW_DEMO_PASSWORD ?? 'Demo#2026!e2e';
export const DEMO_USERS = [
  'admin',
  'reviewer',
  'reviewer2',
  'lead1',
  'principal1',
  'principal2',
  'teacher1',
  'inspector1',
  'expert1',
  'expert2',
  'expert3',
  'dept1',
  'secadmin',
  'auditor',
] as const;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export type RunningServer = {
  url: string;
  dataDir: string;
  password: string;
  output: () => string;
  stop: () => Promise<void>;
};

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

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) =>
    child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok()),
  );
}

export async function waitForHealth(
  url: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`API exited with code ${child.exitCode} before it was healthy:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API not healthy at ${url} after ${timeoutMs} ms:\n${log()}`);
}

/**
 * Starts the built server (`node api/dist/server.js`, as `npm start` runs it) on a free port with its own
 * data directory — a copy of the demo seeded once for the suite (global-setup.ts), or seeded anew when
 * the file asks for another start — and waits for /api/health. Console and server are built by the
 * suite's global setup (`npm run build` when running a file on its own after changing sources).
 */
export async function startServer(
  options: {
    password?: string;
    env?: Record<string, string>;
    timeoutMs?: number;
    prepare?: (dataDir: string) => void | Promise<void>;
  } = {},
): Promise<RunningServer> {
  const adminDist = process.env.EDUFLOW_ADMIN_DIST ?? join(REPO_ROOT, 'admin', 'dist');
  if (!existsSync(join(adminDist, 'index.html'))) {
    throw new Error(`${adminDist} is missing: run 'npm run build -w @eduflow/admin' (npm run test:e2e does it)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'eduflow-e2e-'));
  const ordinary = !options.prepare && !options.env && !options.password;
  const seededEnv = ordinary ? await copySeeded(inject('e2eSeeded'), dataDir) : null;
  // What the data folder holds before the first start (e.g. last year's audit events); the demo is seeded on top.
  await options.prepare?.(dataDir);
  const port = await freePort();
  const password = options.password ?? DEMO_PASSWORD;
  const child = spawn(process.execPath, ['api/dist/server.js'], {
    cwd: REPO_ROOT,
    detached: true, // own process group, so stop() ends whatever the server started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EDUFLOW_DATA_DIR: dataDir,
      EDUFLOW_PORT: String(port),
      EDUFLOW_DEMO_PASSWORD: password,
      ...seededEnv,
      ...options.env,
    },
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited(child);
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => log, options.timeoutMs ?? 90_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, dataDir, password, output: () => log, stop };
}

/**
 * Debian's chromium driven by playwright-core (no browser download here). Its pages ask for reduced motion
 * unless a test says otherwise: the console then skips fades, slides and chart growth, so no click waits on
 * a closing dropdown and the renderer draws fewer frames (issue 13: the suite's time).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.EDUFLOW_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

/**
 * Signs in through the login page and waits for the console to leave it. When the console asks for the
 * authenticator code (the three powers), it types the next one from the account's key — the demo's
 * (two-factor.ts) unless another is given.
 */
export async function signIn(
  page: Page,
  url: string,
  username: string,
  password: string,
  options: { totpSecret?: string } = {},
): Promise<void> {
  await page.goto(`${url}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  const left = () => page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
  const otp = page.locator('#otp');
  const next = await Promise.race([
    left().then(() => 'in' as const),
    otp.waitFor({ timeout: 20_000 }).then(() => 'otp' as const),
  ]).catch(() => 'timeout' as const);
  if (next === 'otp') {
    await otp.fill(await nextTotp(url, username, options.totpSecret ?? DEMO_TOTP[username]));
    await page.locator('button[type=submit]').click();
  }
  if (next !== 'in') await left();
}

/** Saves a full-page screenshot as test-output/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * One real server and one Chromium for a test file: started before its tests, stopped after them.
 * Read `env.server` / `env.browser` inside tests (they exist once `beforeAll` has run).
 */
export function useServerAndBrowser(options: Parameters<typeof startServer>[0] = {}): {
  readonly server: RunningServer;
  readonly browser: Browser;
} {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}

export type OpenOptions = {
  viewport?: { width: number; height: number };
  locale?: string;
  hasTouch?: boolean;
  onError?: (message: string) => void;
  /** Sign in through the form (as a person does) instead of with the file's shared session. */
  signInForm?: boolean;
  /** Where the page opens (default the user's home): each page load costs a second or two of a busy CPU. */
  at?: string;
};

/**
 * Signed-in pages for a file's tests, one browser context each (a user's own cookies), closed after
 * every test: idle consoles keep polling. A sign-in that times out on a saturated machine (the login
 * bundle not parsed in time) is pictured and tried once more before the test fails.
 */
export function signedInPages(env: {
  readonly server: RunningServer;
  readonly browser: Browser;
}): (username: string, options?: OpenOptions) => Promise<Page> {
  const pages: Page[] = [];
  afterEach(async ({ task }) => {
    const open = pages.splice(0);
    // A failed test leaves a picture of each page it had open (test-output/failed-…png): a flake on a busy
    // machine is then seen, not guessed at.
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      await Promise.all(open.map((p, i) => screenshot(p, `failed-${name}-${i + 1}`).catch(() => undefined)));
    }
    await Promise.all(open.map((p) => p.context().close()));
  });
  return async (username, options = {}) => {
    const context = await env.browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: options.locale ?? 'zh-CN',
      hasTouch: options.hasTouch,
    });
    const page = await context.newPage();
    if (options.onError) page.on('pageerror', (e) => options.onError?.(`${username}: ${e.message}`));
    pages.push(page);
    if (!options.signInForm) {
      // The file's one session per user (the sign-in form is walked by signIn's own tests): signing in for
      // every page cost a page load and a password hash each time, and each of the three powers' sign-ins
      // spends a code step.
      const { session, csrf } = await sharedSession(env.server.url, username, env.server.password);
      await context.addCookies([
        { name: 'eduflow_session', value: session, url: env.server.url, httpOnly: true, sameSite: 'Lax' },
        { name: 'eduflow_csrf', value: csrf, url: env.server.url, sameSite: 'Lax' },
      ]);
      await page.goto(`${env.server.url}${options.at ?? '/'}`);
      await page.getByTestId('current-user').waitFor({ timeout: 20_000 });
      return page;
    }
    try {
      await signIn(page, env.server.url, username, env.server.password);
    } catch (e) {
      await screenshot(page, `sign-in-retry-${username}`);
      console.warn(`sign-in retried for ${username}: ${String(e).split('\n')[0]}`);
      await signIn(page, env.server.url, username, env.server.password);
    }
    if (options.at) await page.goto(`${env.server.url}${options.at}`);
    return page;
  };
}

/** Switches the console to English and waits until it has (the choice is stored first, then kept across navigations). */
export async function switchToEnglish(page: Page) {
  await page.getByText('English', { exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}
