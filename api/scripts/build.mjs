// @ts-check
/**
 * Builds what `npm start` runs, so that starting neither bundles the console nor transpiles TypeScript:
 *  - the console: `vite build` of admin/ into admin/dist (with its .br/.gz twins);
 *  - the server: api/src/server.ts with the workspace packages it uses (workflows, seeds) bundled by
 *    esbuild into ESM under api/dist, every npm package left external (imported from node_modules at
 *    run time: production dependencies only), and the SQL migrations copied beside it.
 * Each build leaves a stamp with the time it started; a part is stale when a source it reads changed since.
 *
 *   node api/scripts/build.mjs              build both
 *   node api/scripts/build.mjs --if-stale   build only what is stale (npm install's `prepare`, npm start)
 *   node api/scripts/build.mjs --if-stale server   only the server, if stale (the API tests' setup)
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const at = (...parts) => join(ROOT, ...parts);
const STAMP = '.build-stamp.json';

/** The files each part is made from (tests excluded: they change no output). */
const PARTS = {
  console: {
    out: at('admin', 'dist'),
    sources: [
      'admin/src',
      'admin/index.html',
      'admin/vite.config.ts',
      'admin/vite-precompress.ts',
      'admin/package.json',
      'workflows/src',
      'workflows/package.json',
      'package-lock.json',
    ],
  },
  server: {
    out: at('api', 'dist'),
    sources: [
      'api/src',
      'api/package.json',
      'workflows/src',
      'workflows/package.json',
      'seeds/src',
      'seeds/package.json',
      'package-lock.json',
      'api/scripts/build.mjs',
    ],
  },
};

const isTest = (path) => /\.test\.tsx?$/.test(path) || path.includes(`${join('api', 'src', 'test')}`);

/** Whether a file under `path` (not a test) was modified after `since`; stops at the first. */
function changedSince(path, since) {
  if (!existsSync(path)) return false;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs > since && !isTest(relative(ROOT, path));
  return readdirSync(path).some((name) => changedSince(join(path, name), since));
}

function stampOf(part) {
  try {
    return JSON.parse(readFileSync(join(PARTS[part].out, STAMP), 'utf8')).startedAt ?? 0;
  } catch {
    return 0;
  }
}

/** Whether `part` must be built: never built, or a source changed since its build started. */
export function isStale(part) {
  const built = stampOf(part);
  return built === 0 || PARTS[part].sources.some((s) => changedSince(at(s), built));
}

function stamp(part, startedAt) {
  writeFileSync(join(PARTS[part].out, STAMP), `${JSON.stringify({ startedAt, builtAt: Date.now() })}\n`);
}

export async function buildConsole() {
  const startedAt = Date.now();
  const { build } = await import('vite');
  // Always the production console, whoever builds it: run from the test runner (NODE_ENV=test) the bundle
  // became a test build — antd's dev-only class names, and every Select sharing rc-select's test id
  // `rc_select_TEST_OR_SSR` (two dropdowns answered to one list id).
  process.env.NODE_ENV = 'production';
  await build({
    root: at('admin'),
    configFile: at('admin', 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
  });
  stamp('console', startedAt);
}

/** npm packages stay imports (resolved from node_modules when the server runs); the workspace's own are bundled. */
const externalPackages = {
  name: 'external-packages',
  /** @param {import('esbuild').PluginBuild} b */
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@eduflow/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * exceljs takes about half a second to load, longer than the rest of the server's start, and only
 * spreadsheet exports and imports use it: in the built server its default export (the only way the
 * sources import it) is a stand-in that loads the package on first use.
 */
const DEFERRED = ['exceljs'];
const deferredPackages = {
  name: 'deferred-packages',
  /** @param {import('esbuild').PluginBuild} b */
  setup(b) {
    const filter = new RegExp(`^(?:${DEFERRED.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'deferred' ? undefined : { path: args.path, namespace: 'deferred' },
    );
    b.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => ({
      resolveDir: ROOT,
      contents: [
        "import { createRequire } from 'node:module';",
        'let loaded;',
        `const load = () => (loaded ??= createRequire(import.meta.url)(${JSON.stringify(args.path)}));`,
        'export default new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });',
      ].join('\n'),
    }));
  },
};

export async function buildServer() {
  const startedAt = Date.now();
  const { build } = await import('esbuild');
  const out = PARTS.server.out;
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    // The server and the operator's commands (npm run backup, restore, audit:verify-archive, db:migrate):
    // all run with plain node from the production dependencies.
    entryPoints: {
      server: at('api', 'src', 'server.ts'),
      backup: at('api', 'src', 'ops', 'backup-cli.ts'),
      restore: at('api', 'src', 'ops', 'restore-cli.ts'),
      'verify-archive': at('api', 'src', 'ops', 'verify-archive-cli.ts'),
      migrate: at('api', 'src', 'db', 'migrate-cli.ts'),
      storage: at('api', 'src', 'ops', 'storage-cli.ts'),
    },
    outdir: out,
    bundle: true,
    splitting: true, // the demo seeds are a chunk of their own, loaded only on a first start
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: true,
    metafile: true,
    plugins: [deferredPackages, externalPackages],
    logLevel: 'warning',
  });
  // migrate() and migratePostgres() find their migrations beside the module that runs them (new URL('./migrations…')).
  cpSync(at('api', 'src', 'db', 'migrations'), join(out, 'migrations'), { recursive: true });
  cpSync(at('api', 'src', 'db', 'migrations-pg'), join(out, 'migrations-pg'), { recursive: true });
  writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));
  stamp('server', startedAt);
}

const BUILDERS = { console: buildConsole, server: buildServer };

/** Whether the build tools (devDependencies) are installed: a release installed with --omit=dev has none. */
async function toolsInstalled() {
  try {
    await Promise.all([import('vite'), import('esbuild')]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the stale parts (all parts with `force`). Without the build tools it builds nothing: a part
 * already built is used as it is (with a warning when its sources look newer), a missing one is an error.
 */
export async function ensureBuilt({ force = false, log = console.log, parts = Object.keys(PARTS) } = {}) {
  const todo = parts.filter((part) => force || isStale(part));
  if (todo.length === 0) return;
  if (!(await toolsInstalled())) {
    const missing = todo.filter((part) => stampOf(part) === 0 && !existsSync(PARTS[part].out));
    if (missing.length > 0)
      throw new Error(
        `${missing.join(' and ')} not built and the build tools are not installed: run \`npm install\` (with devDependencies), then \`npm run build\``,
      );
    log(
      `note: ${todo.join(' and ')} sources look newer than the build, but the build tools are not installed: using the existing build`,
    );
    return;
  }
  for (const part of todo) {
    const t0 = Date.now();
    log(`building the ${part}…`);
    mkdirSync(PARTS[part].out, { recursive: true });
    await BUILDERS[part]();
    log(`built the ${part} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `… build.mjs --if-stale server`: only the parts named (the API tests need no console).
  const named = process.argv.slice(2).filter((a) => a in PARTS);
  await ensureBuilt({ force: !process.argv.includes('--if-stale'), ...(named.length ? { parts: named } : {}) });
}
