import { defineConfig } from 'vitest/config';

// Unit and API tests of contracts/ and server/. Browser journeys run separately (e2e/), after a web build.
export default defineConfig({
  test: {
    // Each server test file opens its own in-memory PGlite, loaded from the template global setup
    // migrated once (~3.5 s of CPU, decision 0010); two files at a time fit this project's two-core machines.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { name: 'contracts', include: ['contracts/test/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['server/test/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // The web app's own Vite config (aliases, plugins), so its unit tests see what the build sees.
      { extends: './web/vite.config.ts', test: { name: 'web', root: './web', include: ['test/**/*.test.ts'] } },
    ],
  },
});
