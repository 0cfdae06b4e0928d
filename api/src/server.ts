import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { count } from 'drizzle-orm';
import { createApp } from './app.js';
import { openDb } from './db/client.js';
import { migrate } from './db/migrate.js';
import { users } from './db/schema.js';
import type { Deps } from './deps.js';
import { startScheduler } from './scheduler/start-scheduler.js';

const dataDir = resolve(process.env.EDUFLOW_DATA_DIR ?? './data');
const port = Number(process.env.EDUFLOW_PORT ?? 8787);
/** Demo data only; a real deployment starts from an empty directory it fills through the console. */
const DEFAULT_DEMO_PASSWORD = 'demo-Pass-2026';
const adminDist = fileURLToPath(new URL('../../admin/dist', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };

mkdirSync(dataDir, { recursive: true });
const db = openDb(join(dataDir, 'eduflow.db'));
migrate(db);
const deps: Deps = { db, clock: () => new Date(), appVersion: pkg.version ?? '0.0.0', secureCookies: process.env.EDUFLOW_SECURE_COOKIES === '1' };

if ((db.select({ n: count() }).from(users).get()?.n ?? 0) === 0) {
  // Seeds live in their own workspace and may not exist yet; a missing module just means "no demo data".
  const specifier = '@eduflow/seeds';
  const seeds: unknown = await import(specifier).catch((err: unknown) => {
    // Only "the seeds are not written yet" is tolerated; a broken seed module must fail loudly.
    const code = err && typeof err === 'object' && 'code' in err ? err.code : undefined;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return null;
    throw err;
  });
  const seedDemo = seeds && typeof seeds === 'object' && 'seedDemo' in seeds ? seeds.seedDemo : undefined;
  if (typeof seedDemo === 'function') {
    const password = process.env.EDUFLOW_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
    console.log('empty database: seeding the demo district…');
    const summary: unknown = await seedDemo(deps, { password });
    console.log(`seeded ${JSON.stringify(summary)}; demo accounts share the password ${process.env.EDUFLOW_DEMO_PASSWORD ? '$EDUFLOW_DEMO_PASSWORD' : DEFAULT_DEMO_PASSWORD}`);
  } else {
    console.log('empty database and no @eduflow/seeds seedDemo(): starting without demo data');
  }
}

const app = createApp(deps);
const scheduler = startScheduler(deps);

if (existsSync(adminDist)) {
  app.use('/*', serveStatic({ root: adminDist }));
  // SPA fallback: any non-API path the console routes client-side gets index.html.
  app.get('*', async (c, next) => (c.req.path.startsWith('/api') ? next() : c.html(readFileSync(join(adminDist, 'index.html'), 'utf8'))));
} else {
  console.warn(`console not built (${adminDist} missing): run \`npm run build\`; serving the API only`);
}

const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`EduFlow listening on http://localhost:${info.port}  (API docs: http://localhost:${info.port}/api/docs)`);
});

// Finish in-flight requests, then close the database so the WAL is checkpointed into the main file.
const shutdown = () => {
  scheduler.stop();
  server.close(() => {
    db.$client.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
