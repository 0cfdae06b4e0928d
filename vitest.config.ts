import { availableParallelism } from 'node:os';

import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files of a project share their worker's module cache (`isolate: false`): vitest otherwise imports each file's
 * dependencies anew (the engine, zod, drizzle, playwright-core), about a CPU-second a file. Nothing a file
 * leaves behind reaches the next: each opens its own database, server and browser contexts, and the
 * console's modules are pure. Measured on two cores: the engine and console files 34 → 11 CPU-s, eight
 * browser files 106 → 95 (issue 13).
 */
const SHARED_MODULES = { isolate: false };

const API_TESTS = {
  ...SHARED_MODULES,
  include: ['api/src/**/*.test.ts', 'seeds/src/**/*.test.ts'],
  environment: 'node',
  testTimeout: 30_000,
  hookTimeout: 60_000,
  globalSetup: ['api/src/test/api-global.ts'],
};

const E2E_TESTS = {
  ...SHARED_MODULES,
  environment: 'node',
  testTimeout: 120_000,
  hookTimeout: 180_000,
  // A browser waits on a real server that shares two cores with the rest of the suite: a poll's
  // default second is too short for a busy machine (a start form's pre-selection once took longer).
  expect: { poll: { timeout: 10_000 } },
  globalSetup: ['e2e/global-setup.ts'],
};

/**
 * vitest queues projects by name (admin, api, api-pg, e2e, e2e-pg, workflows), so the one-minute PostgreSQL
 * role journeys started last and ran alone while the other worker idled. Browser files are the longest:
 * they go first, the PostgreSQL journeys before the rest, and the short unit files fill the end. Within a
 * project vitest's own order stays (longest last time first, else largest file first).
 */
const PROJECT_ORDER = ['e2e-pg', 'e2e', 'api-pg', 'api', 'admin', 'workflows'];
class LongestProjectsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => PROJECT_ORDER.indexOf(f.project.name);
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b)); // a stable sort
  }
}

// One runner for the whole repo: each workspace is a project, and all files share one pool of at least two
// workers (issue 13). vitest's default on two cores is one worker, one file at a time, which left a core idle
// behind every unit file. Each browser file has its own server and Chromium, so they can run side by side;
// they keep both cores busy (Chromium's renderers), so two at a time gains less for them than for unit files.
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestProjectsFirst },
    projects: [
      { test: { name: 'workflows', ...SHARED_MODULES, include: ['workflows/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'admin', ...SHARED_MODULES, include: ['admin/src/**/*.test.ts'], environment: 'node' } },
      // The API suite runs on both engines (issue 14): SQLite, and a PostgreSQL started for the run
      // (api/src/test/api-global.ts). `*.sqlite.test.ts` are about SQLite itself (query plans, WAL,
      // the file's backup); `*.pg.test.ts` about what only PostgreSQL has (several nodes on one database).
      { test: { name: 'api', ...API_TESTS, exclude: [...configDefaults.exclude, '**/*.pg.test.ts'] } },
      { test: { name: 'api-pg', ...API_TESTS, exclude: [...configDefaults.exclude, '**/*.sqlite.test.ts'] } },
      { test: { name: 'e2e', ...E2E_TESTS, include: ['e2e/**/*.e2e.test.ts'] } },
      // The role journeys once more on the demo seeded into PostgreSQL (issue 14: EDUFLOW_DATABASE_URL).
      { test: { name: 'e2e-pg', ...E2E_TESTS, include: ['e2e/role-journeys.e2e.test.ts'] } },
    ],
  },
});
