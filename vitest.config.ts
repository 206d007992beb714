import { defineConfig } from 'vitest/config'

// Projects: `unit` (tests beside the code; may use the real PostgreSQL/Redis/Kafka through
// test/support), `e2e` (whole flows through the HTTP API), `web` (the console's helpers) and `browser`
// (the console in Chromium against the real hub). One global setup prepares the services.
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            '{platform,hub,demo,directory,exchange,adapters,policies,audit,console,schemas,migrations,bench}/**/*.test.ts',
            'test/support/**/*.test.ts',
            'test/architecture/**/*.test.ts',
            'web/scripts/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/multi-instance*.test.ts'],
        },
      },
      {
        // Three hub processes behind HAProxy per file: one file at a time, after every other project,
        // so two clusters (six hubs) never start at once on a two-core runner.
        extends: true,
        test: {
          name: 'cluster',
          include: ['test/e2e/multi-instance*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: 'security', include: ['test/security/**/*.test.ts'] },
      },
      {
        // The console's own helpers (web/src), no services needed.
        test: { name: 'web', include: ['web/src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 180_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
})
