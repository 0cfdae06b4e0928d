import { execFileSync } from 'node:child_process';

import type { TestProject } from 'vitest/node';

import { createDatabase, startPostgres, type TestPostgres } from '../api/src/test/postgres';
import { startBrowserServer } from './browser-server';
import { DEMO_PASSWORD, freePort, REPO_ROOT } from './harness';
import { removeSeeded, seedOnce } from './seeded-demo';

/** The seeded database every e2e-pg file's copy is made from. */
const TEMPLATE = 'demo_seeded';

/**
 * Before any browser test: the built console and server up to date, the run's Chromium started (each file
 * connects to it), and the demo seeded once — into the data folder's SQLite file, or for the e2e-pg project
 * into a PostgreSQL started for the run (issue 14).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ['api/scripts/build.mjs', '--if-stale'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const healthy = async (url: string) => {
    for (let i = 0; i < 360; i++) {
      if (
        await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the demo server did not become healthy while seeding');
  };
  let postgres: TestPostgres | undefined;
  let env: Record<string, string> = {};
  const browser = await startBrowserServer();
  project.provide('e2eBrowser', browser.wsEndpoint());
  try {
    if (project.name === 'e2e-pg') {
      postgres = await startPostgres();
      env = { EDUFLOW_DATABASE_URL: await createDatabase(postgres.url, TEMPLATE) };
    }
    const dir = await seedOnce(REPO_ROOT, DEMO_PASSWORD, healthy, await freePort(), env);
    project.provide('e2eSeeded', { dir, postgres: postgres ? { serverUrl: postgres.url, template: TEMPLATE } : null });
    return async () => {
      await browser.close();
      removeSeeded(dir);
      await postgres?.stop();
    };
  } catch (e) {
    await browser.close();
    await postgres?.stop();
    throw e;
  }
}
