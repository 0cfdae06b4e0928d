import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEMO_USERS } from '../seeds/src/district';
import { REPO_ROOT, settle, signIn, useServerAndBrowser } from './harness';

/**
 * Issue 11's budgets: the JavaScript a browser fetches for the sign-in page, and for each demo user's
 * first page after signing in (the sign-in page's scripts included: what a fresh browser really pays).
 * Bytes are counted twice: as transferred (whatever encoding Chromium negotiated with the server) and
 * as the build's gzip twins of the same files; both must fit. KB = 1000 bytes.
 */
const SIGN_IN_BUDGET = 250_000;
const FIRST_PAGE_BUDGET = 600_000;

const DIST = process.env.EDUFLOW_ADMIN_DIST ?? join(REPO_ROOT, 'admin', 'dist');

type Script = { path: string; transferred: number; encoding: string; gzip: number; raw: number };
type Figures = { scripts: Script[]; transferred: number; gzip: number; raw: number; encodings: string[] };

/**
 * Every /assets/*.js the page requests from now on, each once (signing in reloads the page, and the
 * reload takes the immutable files from the browser's cache); read the figures once the network has settled.
 */
function watchScripts(page: Page): () => Promise<Figures> {
  const requests = new Map<string, Request>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/assets/') && path.endsWith('.js') && !requests.has(path)) requests.set(path, r);
  });
  return async () => {
    const scripts: Script[] = [];
    for (const r of requests.values()) {
      const response = await r.response();
      if (!response) throw new Error(`no response for ${r.url()}`);
      const path = new URL(r.url()).pathname;
      const file = join(DIST, path);
      const gz = `${file}.gz`;
      scripts.push({
        path,
        transferred: (await r.sizes()).responseBodySize,
        encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        raw: statSync(file).size,
        gzip: existsSync(gz) ? statSync(gz).size : statSync(file).size,
      });
    }
    const sum = (k: 'transferred' | 'gzip' | 'raw') => scripts.reduce((n, s) => n + s[k], 0);
    return {
      scripts,
      transferred: sum('transferred'),
      gzip: sum('gzip'),
      raw: sum('raw'),
      encodings: [...new Set(scripts.map((s) => s.encoding))],
    };
  };
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const line = (name: string, where: string, f: Figures) =>
  `${name.padEnd(12)} ${where.padEnd(14)} ${String(f.scripts.length).padStart(3)} files  ${kb(f.transferred).padStart(10)} transferred (${f.encodings.join('/')})  ${kb(f.gzip).padStart(10)} gzip  ${kb(f.raw).padStart(11)} raw`;

/**
 * Waits until the page shows no loading placeholder and has asked for nothing for a second before and after
 * (a client-side navigation, the sign-in's, never fires a load state; settle() counts requests in flight).
 */
async function settled(page: Page): Promise<void> {
  await page.locator('#root > *').first().waitFor();
  await settle(page, 1_000, 30_000);
  await page.locator('.ant-skeleton, .ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 20_000 });
  await settle(page, 1_000, 30_000);
}

describe('console bundle budgets (issue 11): JS per page, compressed', () => {
  const env = useServerAndBrowser();
  const report: string[] = [];

  async function fresh(): Promise<Page> {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    return context.newPage();
  }

  it(`sign-in page: at most ${kb(SIGN_IN_BUDGET)} of JS`, async () => {
    const page = await fresh();
    const figures = watchScripts(page);
    await page.goto(`${env.server.url}/login`);
    await page.locator('#username').waitFor();
    await settled(page);
    const f = await figures();
    report.push(line('(sign-in)', '/login', f));
    await page.context().close();
    expect(f.gzip).toBeLessThanOrEqual(SIGN_IN_BUDGET);
    expect(f.transferred).toBeLessThanOrEqual(SIGN_IN_BUDGET);
    // Compression is on: nothing but a file too small to gain from it crossed the wire as plain text.
    expect(f.scripts.filter((s) => s.encoding === 'identity' && s.raw >= 1024)).toEqual([]);
  });

  it("typing on the sign-in page fetches the console's code before 登录 is clicked, opening it does not", async () => {
    const page = await fresh();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    const chunks = ['App', 'console-shell', 'home-page'];
    const fetched = () => chunks.filter((c) => asked.some((p) => p.startsWith(`/assets/${c}-`) && p.endsWith('.js')));
    await page.goto(`${env.server.url}/login`);
    await page.locator('#username').waitFor();
    await settled(page);
    expect(fetched()).toEqual([]);

    await page.locator('#username').fill('reviewer');
    await expect.poll(fetched).toEqual(chunks);
    await page.context().close();
  });

  // What a first page loads follows from the role (its menu and home page), not the person: one demo user
  // per role is measured (two principals or three experts fetched the same files, 2–3 s each).
  const onePerRole = DEMO_USERS.filter((u, i) => DEMO_USERS.findIndex((v) => v.role === u.role) === i).map(
    (u) => u.username,
  );

  it(`every role's first page after signing in: at most ${kb(FIRST_PAGE_BUDGET)} of JS in all`, async () => {
    const over: string[] = [];
    for (const username of onePerRole) {
      const page = await fresh();
      const figures = watchScripts(page);
      await signIn(page, env.server.url, username, env.server.password);
      await settled(page);
      const f = await figures();
      const row = line(username, new URL(page.url()).pathname, f);
      report.push(row);
      if (f.gzip > FIRST_PAGE_BUDGET || f.transferred > FIRST_PAGE_BUDGET) over.push(row);
      await page.context().close();
    }
    console.log(
      `JS per page (budgets: sign-in ${kb(SIGN_IN_BUDGET)}, first page ${kb(FIRST_PAGE_BUDGET)}):\n${report.join('\n')}`,
    );
    expect(over).toEqual([]);
  });
});
