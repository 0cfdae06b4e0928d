import { configDefaults, defineConfig } from 'vitest/config';

// Tests about SQLite itself (query plans, the WAL, the file) are named *.sqlite.test.ts: not run on PostgreSQL.
const onPostgres = process.env.EDUFLOW_TEST_ENGINE === 'postgresql';

// One runner for the whole repo: each workspace is a project, browser journeys run last and alone.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'workflows', include: ['workflows/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'admin', include: ['admin/src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          isolate: false,
          include: ['api/src/**/*.test.ts', 'seeds/src/**/*.test.ts'],
          exclude: onPostgres ? [...configDefaults.exclude, '**/*.sqlite.test.ts'] : configDefaults.exclude,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // EDUFLOW_TEST_ENGINE=postgresql: the harness runs on a PostgreSQL started for the run (issue 14).
          globalSetup: ['api/src/test/postgres-global.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A browser waits on a real server that shares two cores with the rest of the suite: a poll's
          // default second is too short for a busy machine (a start form's pre-selection once took longer).
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
