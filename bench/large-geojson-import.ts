/**
 * A large boundary file through the whole HTTP path: 400 polygons × 5,000 vertices (~48 MB of GeoJSON),
 * previewed and then committed with POST /api/v1/localities/import. Embedded by default;
 * DATABASE_URL=postgres://… for PostgreSQL.
 */
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { withSystem } from '../server/src/db/scope';
import { hashPassword } from '../server/src/modules/auth/index';

const FEATURES = Number(process.env.BENCH_FEATURES ?? 400);
const VERTICES = Number(process.env.BENCH_VERTICES ?? 5_000);

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
await migrate(database);
const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
const tenantId = crypto.randomUUID();
const slug = `bench-${Date.now().toString(36)}`;
await withSystem(database.db, async (tx) => {
  await tx.insertInto('tenants').values({ id: tenantId, slug, name: 'Bench', timeZone: 'Europe/Prague', defaultLanguage: 'cs', currency: 'CZK' }).execute();
  await tx.insertInto('users').values({ tenantId, id: crypto.randomUUID(), email: 'c@example.test', displayName: 'C', role: 'coordinator', passwordHash: await hashPassword('bench password 1') }).execute();
});
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { tenant: slug, email: 'c@example.test', password: 'bench password 1' } });
const cookie = `sh_session=${login.cookies[0]!.value}`;
const csrf = login.json().csrfToken as string;

const circle = (cx: number, cy: number) => {
  const ring = Array.from({ length: VERTICES }, (_, i) => [
    +(cx + 0.004 * Math.cos((2 * Math.PI * i) / VERTICES)).toFixed(7),
    +(cy + 0.004 * Math.sin((2 * Math.PI * i) / VERTICES)).toFixed(7),
  ]);
  return [...ring, ring[0]];
};
const file = JSON.stringify({
  type: 'FeatureCollection',
  features: Array.from({ length: FEATURES }, (_, i) => ({
    type: 'Feature',
    properties: { name: `Area ${i}`, code: `A${i}` },
    geometry: { type: 'Polygon', coordinates: [circle(14 + (i % 20) * 0.01, 50 + Math.floor(i / 20) * 0.01)] },
  })),
});

async function post(dryRun: boolean) {
  const boundary = '----bench';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="nameProperty"\r\n\r\nname\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="codeProperty"\r\n\r\ncode\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\n${dryRun}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.geojson"\r\n\r\n`),
    Buffer.from(file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const started = performance.now();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/localities/import',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  return { status: response.statusCode, seconds: Math.round((performance.now() - started) / 100) / 10, created: response.json().created };
}

const preview = await post(true);
const commit = await post(false);
console.log(
  JSON.stringify(
    { database: database.kind, megabytes: Math.round(file.length / 1e5) / 10, features: FEATURES, vertices: FEATURES * VERTICES, preview, commit, rssMegabytes: Math.round(process.memoryUsage().rss / 1e6) },
    null,
    2,
  ),
);
await app.close();
await database.close();
