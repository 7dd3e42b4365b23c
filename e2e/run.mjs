// `npm run test:e2e`: builds the web app if it is stale and runs the browser journeys, once per CI run. The journeys test
// the web app and the HTTP API, which are the same code on both databases; the PostgreSQL pass of `npm
// test` (DATABASE_URL set) runs every server test against PostgreSQL and skips the journeys, saying so.
// JOURNEYS_ON_POSTGRES=1 runs them against DATABASE_URL anyway.
import { spawnSync } from 'node:child_process';

if (process.env.DATABASE_URL && process.env.JOURNEYS_ON_POSTGRES !== '1') {
  console.log(
    'Browser journeys skipped: DATABASE_URL is set, and they run once, on the embedded database ' +
      '(set JOURNEYS_ON_POSTGRES=1 to run them against PostgreSQL too).',
  );
  process.exit(0);
}
// The web app is built only when web/dist is missing or older than its sources (CI's second pass reuses the first's).
for (const [command, args] of [['node', ['web/scripts/build-if-stale.mjs']], ['npm', ['test', '-w', 'e2e', '--', ...process.argv.slice(2)]]]) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
