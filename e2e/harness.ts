import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { type Browser, chromium, type Download, type Page } from 'playwright-core';
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
 * The run's Chromium (Debian's, driven by playwright-core; started once by the global setup, see
 * browser-server.ts), connected to for one test file. Closing what this returns closes the file's contexts
 * and leaves the browser to the other files. Its pages ask for reduced motion unless a test says otherwise:
 * the console then skips fades, slides and chart growth, so no click waits on a closing dropdown and the
 * renderer draws fewer frames (issue 13: the suite's time).
 */
export async function connectBrowser(): Promise<Browser> {
  const endpoint = inject('e2eBrowser');
  if (!endpoint) throw new Error('no browser: e2e/global-setup.ts starts one for the e2e projects');
  const browser = await chromium.connect(endpoint);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext({ reducedMotion: 'reduce', ...options });
    context.on('page', watchTraffic); // settle() knows when a page's requests are done
    return context;
  };
  return browser;
}

/** A download's bytes (the browser runs in another process, so there is no local file to read). */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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

/**
 * Saves a screenshot as test-output/<name>.png and returns its path: what the screen shows, unless the test
 * asks for the whole page. A whole long page costs its renderer 1.5–2 CPU-s (the viewport is stretched to
 * the page, so the console lays out and paints it all again); the screen costs about 0.1 s (issue 13).
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** Requests a page has in flight, and when the last one began or ended (see settle). */
const traffic = new WeakMap<Page, { inFlight: number; last: number }>();

function watchTraffic(page: Page): void {
  const t = { inFlight: 0, last: Date.now() };
  traffic.set(page, t);
  const begin = () => {
    t.inFlight++;
    t.last = Date.now();
  };
  const end = () => {
    t.inFlight = Math.max(0, t.inFlight - 1);
    t.last = Date.now();
  };
  page.on('request', begin);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
}

/**
 * Waits until the page has drawn and then asked for nothing for `quietMs`: a route the router has just
 * rendered fetches its code and its data, some of it only once other data is in (the start form's subjects
 * after its workflows), and a test that reads the page before they arrive would read a half-drawn page.
 */
export async function settle(page: Page, quietMs = 300, timeoutMs = 20_000): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const t = traffic.get(page);
  if (!t) return page.waitForLoadState('networkidle');
  const deadline = Date.now() + timeoutMs;
  while (t.inFlight > 0 || Date.now() - t.last < quietMs) {
    if (Date.now() > deadline)
      throw new Error(`${page.url()}: still ${t.inFlight} requests in flight after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Goes to a console path without loading the console again: the router takes the page down (through the
 * console's page for an unknown address) and shows the path, whose page fetches its code and data anew, as
 * `page.goto` would; then the page settles. A load costs the browser about 3 CPU-s (the console's scripts
 * compiled, its shell drawn); this about 1 (issue 13). A page not showing the console yet loads it.
 */
export async function visit(page: Page, path: string): Promise<void> {
  const here = page.url();
  const inConsole =
    here.startsWith('http') &&
    !new URL(here).pathname.startsWith('/login') &&
    (await page.getByTestId('current-user').count()) > 0;
  if (!inConsole || path.startsWith('/login')) {
    const origin = here.startsWith('http') ? new URL(here).origin : '';
    if (!origin) throw new Error(`visit(${path}): the page has not been to the console yet`);
    await page.goto(`${origin}${path}`);
    return;
  }
  await startOver(page, path);
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
    browser = await connectBrowser();
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
  /** Where the page opens (default the user's home). */
  at?: string;
  /** A page loaded anew, not the user's page from an earlier test (for a test about what a load does). */
  fresh?: boolean;
};

/** What a test may have hung on a page, taken off before the next test is given the same page (the harness's
 * own traffic watch is hung on again). */
const TEST_EVENTS = [
  'pageerror',
  'console',
  'dialog',
  'download',
  'filechooser',
  'popup',
  'request',
  'requestfinished',
  'requestfailed',
  'response',
  'framenavigated',
  'load',
  'domcontentloaded',
  'websocket',
  'worker',
] as const;

type Kept = { page: Page; key: string; lang: string };

/**
 * Signed-in pages for a file's tests, one browser context each (a user's own cookies).
 *
 * A page a test leaves in a good state — the test passed, the console still shows, in the language it opened
 * in, with no dialog open — is kept, and the next test in the file that opens the same user (same language
 * and touch) gets it back, taken to its start path by the router as a link would (visit). Opening the console
 * anew costs the browser about 4 CPU-s (a renderer started, the scripts compiled, the shell drawn), and the
 * browser files are CPU-bound (issue 13). `fresh: true` asks for a new page; a failed test's pages are
 * pictured and closed. Pages start signed in with the file's session for the user; the sign-in form itself
 * is walked by `signIn` in the tests about it.
 */
export function signedInPages(env: {
  readonly server: RunningServer;
  readonly browser: Browser;
}): (username: string, options?: OpenOptions) => Promise<Page> {
  const inTest: Kept[] = [];
  const kept = new Map<string, Kept>();
  const close = (k: Kept) =>
    k.page
      .context()
      .close()
      .catch(() => undefined);
  afterEach(async ({ task }) => {
    const open = inTest.splice(0);
    // A failed test leaves a picture of each page it had open (test-output/failed-…png): a flake on a busy
    // machine is then seen, not guessed at.
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      await Promise.all(
        open.map((k, i) => screenshot(k.page, `failed-${name}-${i + 1}`, { fullPage: true }).catch(() => undefined)),
      );
      await Promise.all(open.map(close));
      return;
    }
    for (const k of open) {
      if (!kept.has(k.key) && (await reusable(k))) kept.set(k.key, k);
      else await close(k);
    }
  });
  afterAll(async () => {
    await Promise.all([...kept.values()].map(close));
    kept.clear();
  });
  return async (username, options = {}) => {
    const viewport = options.viewport ?? { width: 1440, height: 900 };
    const locale = options.locale ?? 'zh-CN';
    const key = `${username} ${locale} ${options.hasTouch ? 'touch' : 'mouse'}`;
    const again = options.fresh ? undefined : kept.get(key);
    if (again) {
      kept.delete(key);
      const { page } = again;
      for (const event of TEST_EVENTS) page.removeAllListeners(event);
      watchTraffic(page);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      const size = page.viewportSize();
      if (size?.width !== viewport.width || size.height !== viewport.height) await page.setViewportSize(viewport);
      if (options.onError) page.on('pageerror', (e) => options.onError?.(`${username}: ${e.message}`));
      inTest.push(again);
      await startOver(page, options.at ?? '/');
      return page;
    }
    const context = await env.browser.newContext({ viewport, locale, hasTouch: options.hasTouch });
    const page = await context.newPage();
    if (options.onError) page.on('pageerror', (e) => options.onError?.(`${username}: ${e.message}`));
    const entry: Kept = { page, key, lang: '' };
    inTest.push(entry);
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
    entry.lang = await page.evaluate(() => document.documentElement.lang);
    return page;
  };
}

/** Changes the route as a link in the console does (what visit() does, without settling). */
function follow(page: Page, path: string): Promise<void> {
  return page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * Shows `path` on a page already showing the console, through the console's page for an unknown address:
 * the page on screen is taken down first, so nothing it held (a search typed, an instance fetched before
 * someone else acted on it) is shown as if it were new. Following a link to where one already is keeps
 * the page as it is; a test that goes somewhere wants what is there now.
 */
async function startOver(page: Page, path: string): Promise<void> {
  await follow(page, '/__next-test');
  await page.locator('.ant-result-404').waitFor({ timeout: 20_000 });
  await follow(page, path);
  await settle(page);
}

/** Whether a page a test has finished with can serve the next one: the console shows, as it was opened. */
async function reusable(k: Kept): Promise<boolean> {
  if (k.page.isClosed()) return false;
  try {
    if ((await k.page.getByTestId('current-user').count()) === 0) return false;
    if ((await k.page.evaluate(() => document.documentElement.lang)) !== k.lang) return false;
    const open = k.page.locator('.ant-modal-wrap:visible, .ant-drawer-open, .ant-image-preview-wrap:visible');
    return (await open.count()) === 0;
  } catch {
    return false;
  }
}

/** Switches the console to English and waits until it has (the choice is stored first, then kept across navigations). */
export async function switchToEnglish(page: Page) {
  await page.getByText('English', { exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}
