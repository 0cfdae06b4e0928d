import type { TestProject } from 'vitest/node';

import { startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://…` of the server the API suite runs on when EDUFLOW_TEST_ENGINE=postgresql. */
    testPostgresUrl: string;
  }
}

/**
 * The API suite on PostgreSQL (issue 14): with EDUFLOW_TEST_ENGINE=postgresql one server is started for
 * the run (initdb/pg_ctl, test/postgres.ts) and every harness gets a database of its own on it.
 */
export default async function setup(project: TestProject) {
  if (process.env.EDUFLOW_TEST_ENGINE !== 'postgresql') {
    project.provide('testPostgresUrl', '');
    return;
  }
  const server = await startPostgres();
  project.provide('testPostgresUrl', server.url);
  return () => server.stop();
}
