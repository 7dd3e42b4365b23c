/**
 * Foundation benchmark: what every authenticated request pays before a module does anything — the
 * session lookup (tenant-scoped transaction with row-level security) — measured as GET /api/v1/me
 * under load, against the floor of the same lookup SQL run directly through the same database.
 *
 *   npx tsx bench/session-requests.ts                 # embedded PGlite
 *   DATABASE_URL=postgres://… npx tsx bench/session-requests.ts
 *
 * Results go to docs/benchmarks.md by hand, with the machine they were measured on.
 */
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { withSystem } from '../server/src/db/scope';
import { hashPassword } from '../server/src/modules/auth/index';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const FLOOR_QUERIES = 5_000;

const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), port: 0 };
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: CONNECTIONS });
await migrate(database);
const tenantId = crypto.randomUUID();
const slug = `bench-${Date.now().toString(36)}`;
await withSystem(database.db, async (tx) => {
  await tx.insertInto('tenants').values({ id: tenantId, slug, name: 'Bench City', timeZone: 'Europe/Prague', defaultLanguage: 'cs', currency: 'CZK' }).execute();
  await tx
    .insertInto('users')
    .values({ tenantId, id: crypto.randomUUID(), email: 'bench@example.test', displayName: 'Bench', role: 'admin', passwordHash: await hashPassword('bench password 1') })
    .execute();
});

const app = await buildApp({ config, database });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const login = await fetch(`${address}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ tenant: slug, email: 'bench@example.test', password: 'bench password 1' }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

const result = await autocannon({ url: `${address}/api/v1/me`, headers: { cookie }, connections: CONNECTIONS, duration: DURATION_SECONDS });

// The floor: the three lookups of resolveSession as plain SQL in one transaction each, with the same
// concurrency through the same pool, but no HTTP, no role switch, no RLS.
const sessionId = (await withSystem(database.db, (tx) => tx.selectFrom('sessions').select('id').where('tenantId', '=', tenantId).executeTakeFirstOrThrow())).id;
const lookUp = () =>
  database.db.transaction().execute(async (tx) => {
    await sql`SELECT * FROM sessions WHERE tenant_id = ${tenantId} AND id = ${sessionId} AND expires_at > now()`.execute(tx);
    await sql`SELECT * FROM users WHERE tenant_id = ${tenantId} LIMIT 1`.execute(tx);
    await sql`SELECT * FROM tenants WHERE id = ${tenantId}`.execute(tx);
  });
const started = performance.now();
await Promise.all(
  Array.from({ length: CONNECTIONS }, async () => {
    for (let i = 0; i < FLOOR_QUERIES / CONNECTIONS; i += 1) await lookUp();
  }),
);
const floorPerSecond = FLOOR_QUERIES / ((performance.now() - started) / 1000);

console.log(
  JSON.stringify(
    {
      database: database.kind,
      connections: CONNECTIONS,
      seconds: DURATION_SECONDS,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
      errors: result.errors + result.non2xx,
      floorLookupsPerSecond: Math.round(floorPerSecond),
      ratioToFloor: Number((result.requests.average / floorPerSecond).toFixed(2)),
    },
    null,
    2,
  ),
);
await app.close();
await database.close();
