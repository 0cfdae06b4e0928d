import { defineConfig } from 'vitest/config';

// One runner for the whole repo: each workspace is a project, browser journeys run last and alone.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'workflows', include: ['workflows/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'admin', include: ['admin/src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          include: ['api/src/**/*.test.ts', 'seeds/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
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
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
