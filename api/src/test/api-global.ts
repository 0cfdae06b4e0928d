import type { TestProject } from 'vitest/node';

import { startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://…` of the server the api-pg project runs on ('' in the SQLite project). */
    testPostgresUrl: string;
  }
}

/**
 * The API suite on PostgreSQL (issue 14): for the `api-pg` project one server is started for the run
 * (initdb/pg_ctl, test/postgres.ts) and every harness gets a database of its own on it.
 */
export default async function setup(project: TestProject) {
  if (project.name !== 'api-pg') {
    project.provide('testPostgresUrl', '');
    return;
  }
  const server = await startPostgres();
  project.provide('testPostgresUrl', server.url);
  return () => server.stop();
}
