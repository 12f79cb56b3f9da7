import { defineConfig } from 'vitest/config';

// One runner for every kind of test; `npm test` (scripts/test-all.mjs) runs the projects in turn
// and sums them with the type checks and lint into one line.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/api/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Timeouts catch hangs, not slowness: speed lives in the benchmarks, and a shared CI
          // machine can be several times slower than a laptop.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'int',
          include: [
            'packages/*/src/**/*.int.test.ts',
            'apps/api/src/**/*.int.test.ts',
            'apps/api/test/**/*.int.test.ts',
          ],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['apps/web/e2e/fixtures/global-setup.ts'],
        },
      },
    ],
  },
});
