import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { DEMO_PASSWORD, exited, freePort, REPO_ROOT, waitForHealth } from './harness';

/**
 * The release as `npm start` runs it (issue 11): api/dist/server.js, built once by `npm run build` /
 * `npm install`, started with plain node — no tsx, no vite — serving the built console compressed and
 * cached by kind, on a fresh database and again on the existing one.
 */
const SERVER = join(REPO_ROOT, 'api', 'dist', 'server.js');
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Started = { url: string; ms: number; stop: () => Promise<void> };

async function startBuilt(dataDir: string): Promise<Started> {
  const port = await freePort();
  const t0 = Date.now();
  const child: ChildProcess = spawn(process.execPath, [SERVER], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EDUFLOW_DATA_DIR: dataDir,
      EDUFLOW_PORT: String(port),
      EDUFLOW_DEMO_PASSWORD: DEMO_PASSWORD,
    },
  });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  try {
    await waitForHealth(url, child, () => log, 90_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, ms: Date.now() - t0, stop };
}

/** Package name of a bare import ('@hono/node-server/serve-static' → '@hono/node-server'). */
const packageOf = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const dependenciesOf = (workspace: string) =>
  Object.keys(
    (
      JSON.parse(readFileSync(join(REPO_ROOT, workspace, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      }
    ).dependencies ?? {},
  );

describe('the built server (npm start): plain node, production dependencies, compressed and cached console', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eduflow-built-'));
  let running: Started | undefined;
  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is built (npm run build / npm install) and imports nothing but node built-ins and production dependencies', () => {
    expect(existsSync(SERVER), `${SERVER} missing: run npm run build`).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'api', 'dist', 'migrations', 'meta', '_journal.json'))).toBe(true);
    const meta = JSON.parse(readFileSync(join(REPO_ROOT, 'api', 'dist', 'meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }>;
    };
    const externals = Object.values(meta.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    );
    // …and what it requires at run time (createRequire(import.meta.url)('x'): a package loaded on first use).
    const dist = join(REPO_ROOT, 'api', 'dist');
    const required = readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) =>
        [
          ...readFileSync(join(dist, f), 'utf8').matchAll(/createRequire\w*\(import\.meta\.url\)\((["'])([^"']+)\1\)/g),
        ].map((m) => m[2]!),
      );
    expect(required).toContain('exceljs');
    const imported = [...new Set([...externals, ...required])].sort();
    const builtins = new Set(builtinModules);
    const packages = [
      ...new Set(imported.filter((p) => !p.startsWith('node:') && !builtins.has(p)).map(packageOf)),
    ].sort();
    const production = new Set(['api', 'workflows', 'seeds'].flatMap(dependenciesOf));
    console.log(`the built server imports: ${packages.join(', ')}`);
    expect(packages.filter((p) => !production.has(p))).toEqual([]);
    for (const dev of ['tsx', 'vite', 'esbuild', 'typescript', 'vitest', 'drizzle-kit'])
      expect(packages).not.toContain(dev);
  });

  it("ships its libraries' production builds, not their development checks and warnings", () => {
    // React's development build warns of keyless list items; react-router's warns of nested <Routes> without
    // a "*" (its package exports name the development build only, so the console's build asks for the other).
    const DEVELOPMENT_ONLY = ['unique "key" prop', 'You rendered descendant <Routes>'];
    const assets = join(REPO_ROOT, 'admin', 'dist', 'assets');
    const found = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => {
        const text = readFileSync(join(assets, f), 'utf8');
        return DEVELOPMENT_ONLY.filter((s) => text.includes(s)).map((s) => `${f}: ${s}`);
      });
    expect(found).toEqual([]);
  });

  it('starts on a fresh database (migrated, demo seeded) and again on the existing one', async () => {
    const first = await startBuilt(dataDir);
    await first.stop();
    running = await startBuilt(dataDir);
    console.log(`built server healthy after ${first.ms} ms on a fresh database, ${running.ms} ms on the existing one`);
    const health = await fetch(`${running.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
  });

  it('serves the console index and its hashed assets precompressed, with the cache headers and the CSP', async () => {
    const url = running?.url;
    expect(url).toBeTruthy();
    const index = await fetch(`${url}/`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-encoding')).toBe('br');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    // fetch decodes the body: the index names the entry script by its content hash.
    const entry = /<script type="module" crossorigin src="(\/assets\/[\w-]+\.js)"><\/script>/.exec(
      await index.text(),
    )?.[1];
    expect(entry).toBeTruthy();
    for (const [accept, encoding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const asset = await fetch(`${url}${entry}`, { headers: { 'Accept-Encoding': accept } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-encoding')).toBe(encoding);
      expect(asset.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);
      expect((await asset.text()).length).toBeGreaterThan(100);
    }
    // A client-side route is the index; an asset that is not there is a 404, never the index.
    const route = await fetch(`${url}/instances/123`, { headers: { 'Accept-Encoding': 'br' } });
    expect(route.headers.get('content-encoding')).toBe('br');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${url}/assets/index-missing.js`)).status).toBe(404);
  });

  it('writes a spreadsheet export (exceljs, loaded on first use in the built server)', async () => {
    const url = running?.url;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'reviewer', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const xlsx = await fetch(`${url}/api/exports/orgs.xlsx`, { headers: { cookie } });
    expect(xlsx.status).toBe(200);
    const body = Buffer.from(await xlsx.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip
  });

  it('compresses a large JSON answer, not a small one', async () => {
    const url = running?.url;
    const doc = await fetch(`${url}/api/openapi.json`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(doc.headers.get('content-encoding')).toBe('br');
    expect(Object.keys(((await doc.json()) as { paths: object }).paths).length).toBeGreaterThan(10);
    const health = await fetch(`${url}/api/health`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(health.headers.get('content-encoding')).toBeNull();
  });
});
