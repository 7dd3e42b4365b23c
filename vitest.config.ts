import { defineConfig } from 'vitest/config';

// Unit and API tests of contracts/ and server/. Browser journeys run separately (e2e/), after a web build.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'contracts', include: ['contracts/test/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['server/test/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          // PGlite instances are memory-hungry; two workers fit two cores.
          pool: 'forks',
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'web', include: ['web/test/**/*.test.ts'] } },
    ],
  },
});
