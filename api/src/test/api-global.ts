import { execFileSync } from 'node:child_process';

import type { TestProject } from 'vitest/node';

import { startPostgres } from './postgres.js';
import { REPO_ROOT } from './server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://…` of the server the api-pg project runs on ('' in the SQLite project). */
    testPostgresUrl: string;
  }
}

/**
 * Before the API suite: the built server up to date — the tests that start the real server or an
 * operator's command run `api/dist` with plain node, as `npm start` and `npm run backup` do
 * (server-process.ts) — and, for the `api-pg` project, one PostgreSQL started for the run (initdb/pg_ctl,
 * test/postgres.ts) on which every harness gets a database of its own (issue 14).
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['api/scripts/build.mjs', '--if-stale', 'server'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (project.name !== 'api-pg') {
    project.provide('testPostgresUrl', '');
    return;
  }
  const server = await startPostgres();
  project.provide('testPostgresUrl', server.url);
  return () => server.stop();
}
