import { loadConfig } from './config';
import { buildApp } from './app';
import { openDatabase } from './db/database';
import { claimDataDir } from './db/backup/data-dir-lock';
import { migrate } from './db/migrate';
import { purgeExpired } from './jobs/purge-expired';
import { sealAuditTrail } from './jobs/seal-audit';
import { withSystem } from './db/scope';
import { syncCrimeTypes } from './modules/territory/index';
import { DEMO_PASSWORD } from './modules/auth/index';
import { DEMO_OPERATOR, DEMO_TENANT_SLUG, DEMO_USERS, seedDemoCity } from './seed/demo-city';

const HOUR_MS = 60 * 60_000;
/** How often committed audit entries are sealed into their cities' chains (decision 0007). */
const SEAL_EVERY_MS = 5_000;

// Where a start spends its time (bench/start-time.ts prints these): milliseconds since this process
// began, and of CPU (which a busy machine inflates less than the clock).
const startupMarks: [string, number, number][] = [];
const markStartup = (step: string) => {
  const cpu = process.cpuUsage();
  startupMarks.push([step, Math.round(performance.now()), Math.round((cpu.user + cpu.system) / 1000)]);
};
markStartup('modules loaded');

const config = loadConfig();
const app = await startServer();

async function startServer() {
  // One process per embedded data folder (PGlite has no lock of its own); a backup checks the same claim.
  const releaseDataDir = config.databaseUrl ? undefined : await claimDataDir(config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  markStartup('database open');
  const app = await buildApp({
    config,
    database,
    serveWebApp: true,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } } : {}),
    },
  });
  markStartup('app built');
  const where = database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  const applied = await migrate(database);
  app.log.info({ applied }, `database ready (${where}), ${applied.length} migration(s) applied`);
  markStartup('migrations checked');
  await withSystem(database.db, (tx) => syncCrimeTypes(tx));
  markStartup('crime types synced');

  if (config.seedDemo) {
    const seeded = await seedDemoCity(database.db);
    if (seeded.length > 0) app.log.info({ seeded }, 'demo data seeded');
    markStartup('demo city checked');
    // A plain block, not a JSON log line: this is for the person who just ran `npm start`.
    console.log(demoAccountsNotice());
  }

  const purge = () =>
    purgeExpired(database.db).then(
      (counts) => app.log.info({ purged: counts }, 'purged expired sessions and sign-in attempts'),
      (error: unknown) => app.log.error({ err: error }, 'purge failed'),
    );
  const purgeTimer = setInterval(purge, HOUR_MS);
  purgeTimer.unref();
  void purge();

  // The audit sealer: one run at a time; each head that moved is anchored in the file and in this log.
  const lastAnchored = new Map<string, number>();
  let sealing: Promise<void> | null = null;
  const seal = () => {
    sealing ??= sealAuditTrail(database.db, { anchorFile: config.auditAnchorFile, lastAnchored })
      .then(
        ({ sealed, anchored }) => {
          if (anchored.length > 0) app.log.info({ sealed, anchors: anchored }, 'audit chain sealed and anchored');
        },
        (error: unknown) => app.log.error({ err: error }, 'audit sealing failed'),
      )
      .finally(() => {
        sealing = null;
      });
    return sealing;
  };
  const sealTimer = setInterval(() => void seal(), SEAL_EVERY_MS);
  sealTimer.unref();
  await seal();

  app.addHook('onClose', async () => {
    clearInterval(purgeTimer);
    clearInterval(sealTimer);
    await sealing;
    await database.close();
    await releaseDataDir?.();
  });
  await app.listen({ port: config.port, host: config.host });
  markStartup('listening');
  for (const [step, sinceProcessStartMs, cpuMs] of startupMarks) app.log.debug({ startup: step, sinceProcessStartMs, cpuMs }, `startup: ${step}`);
  return app;
}

function demoAccountsNotice(): string {
  const rows = DEMO_USERS.map((user) => `  ${user.role.padEnd(14)} tenant "${DEMO_TENANT_SLUG}"  ${user.email}`);
  rows.push(`  ${DEMO_OPERATOR.role.padEnd(14)} tenant "platform"  ${DEMO_OPERATOR.email}`);
  return [
    '',
    `Saferhood demo city — sign in at http://localhost:${config.port} with password "${DEMO_PASSWORD}":`,
    ...rows,
    '',
  ].join('\n');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    void app.close().then(() => process.exit(0));
  });
}
