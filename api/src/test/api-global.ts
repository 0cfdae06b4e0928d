import { execFileSync } from 'node:child_process';

import type { TestProject } from 'vitest/node';

import { migratePostgres } from '../db/pg-migrate.js';
import { createDatabase, startPostgres } from './postgres.js';
import { REPO_ROOT } from './server-process.js';

const HARNESS_TEMPLATE = 'harness_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://…` of the server the api-pg project runs on ('' in the SQLite project). */
    testPostgresUrl: string;
    /** The migrated, empty database each harness's own is copied from on that server ('' on SQLite). */
    testPostgresTemplate: string;
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
    project.provide('testPostgresTemplate', '');
    return;
  }
  const server = await startPostgres();
  try {
    // Migrated once: a harness copies it (CREATE DATABASE … TEMPLATE, ~55 ms) instead of creating and
    // migrating its own (~240 ms), nearly 200 times a run (issue 13).
    await migratePostgres(await createDatabase(server.url, HARNESS_TEMPLATE));
  } catch (e) {
    await server.stop();
    throw e;
  }
  project.provide('testPostgresUrl', server.url);
  project.provide('testPostgresTemplate', HARNESS_TEMPLATE);
  return () => server.stop();
}
