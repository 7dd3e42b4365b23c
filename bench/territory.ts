/**
 * Territory benchmarks (issue 3), on the embedded database or PostgreSQL (DATABASE_URL):
 *  1. import of generated police offences through the same use case as POST /crime-data/import — rows/s;
 *  2. summary by locality × class for one year, over all offences and 200 localities — median and p99,
 *     next to the same aggregate as plain SQL (the floor);
 *  3. the crime map layer for the whole city and year — bytes and time.
 *
 *   npx tsx bench/territory.ts                       # BENCH_OFFENCES=1000000 by default
 *   DATABASE_URL=postgres://… npx tsx bench/territory.ts
 */
import { sql } from 'kysely';
import { openDatabase } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { withSystem, withTenant } from '../server/src/db/scope';
import type { Actor } from '../server/src/http/actor';
import { importCrimeData } from '../server/src/modules/territory/import-crime-data';
import { mapCrime, summariseCrime } from '../server/src/modules/territory/crime-data.service';
import { syncCrimeTypes } from '../server/src/modules/territory/index';
import { createLocality } from '../server/src/modules/territory/locality.service';

const OFFENCES = Number(process.env.BENCH_OFFENCES ?? 1_000_000);
const CHUNK = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const GRID = 20; // 20 × 10 = 200 localities
const [WEST, SOUTH, EAST, NORTH] = [14.25, 49.95, 14.7, 50.15];

/** A small deterministic generator, so every run imports the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const time = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
};

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: 4 });
await migrate(database);
await withSystem(database.db, (tx) => syncCrimeTypes(tx));
const tenantId = crypto.randomUUID();
const actor: Actor = { userId: crypto.randomUUID(), tenantId, role: 'coordinator', sessionId: 'bench' };
await withSystem(database.db, (tx) =>
  tx.insertInto('tenants').values({ id: tenantId, slug: `bench-${Date.now().toString(36)}`, name: 'Bench City', timeZone: 'Europe/Prague', defaultLanguage: 'cs', currency: 'CZK' }).execute(),
);

// 200 localities tiling the middle of the city, leaving a margin without any.
const cellW = (EAST - WEST) / GRID / 1.5;
const cellH = (NORTH - SOUTH) / (GRID / 2) / 1.5;
await withTenant(database.db, tenantId, async (tx) => {
  for (let i = 0; i < GRID; i += 1) {
    for (let j = 0; j < GRID / 2; j += 1) {
      const x = WEST + (i + 0.25) * cellW * 1.5;
      const y = SOUTH + (j + 0.25) * cellH * 1.5;
      const ring: [number, number][] = [[x, y], [x + cellW, y], [x + cellW, y + cellH], [x, y + cellH], [x, y]];
      await createLocality(tx, actor, { name: `L${i}-${j}`, kind: 'at_risk', boundary: { type: 'Polygon', coordinates: [ring] } });
    }
  }
});

const types = (await sql<{ code: number }>`SELECT code FROM crime_types WHERE level > 1`.execute(database.db)).rows.map((row) => row.code);
const next = random(42);
const pad = (n: number) => String(n).padStart(2, '0');
function csvChunk(start: number, count: number): Buffer {
  const lines = ['id,x,y,mp,date,state,relevance,types'];
  for (let k = start; k < start + count; k += 1) {
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 365) * 86_400_000);
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 60))}:00+01:00`;
    const x = (WEST + next() * (EAST - WEST)).toFixed(6);
    const y = (SOUTH + next() * (NORTH - SOUTH)).toFixed(6);
    const type = types[Math.floor(next() * types.length)]!;
    lines.push(`${40_000_000 + k},${x},${y},False,${date},${1 + Math.floor(next() * 4)},${1 + Math.floor(next() * 6)},${type}`);
  }
  return Buffer.from(lines.join('\n'));
}

let importMs = 0;
let imported = 0;
for (let start = 0; start < OFFENCES; start += CHUNK) {
  const file = csvChunk(start, Math.min(CHUNK, OFFENCES - start));
  const { ms, result } = await time(() => withTenant(database.db, tenantId, (tx) => importCrimeData(tx, actor, file)));
  importMs += ms;
  imported += result.imported;
}
await sql`ANALYZE crime_offences`.execute(database.db);

const query = { from: '2025-01-01', to: '2025-12-31', groupBy: ['locality', 'class'] as ('locality' | 'class')[] };
const apiTimes: number[] = [];
const floorTimes: number[] = [];
let rows = 0;
for (let run = 0; run < RUNS; run += 1) {
  const api = await time(() => withTenant(database.db, tenantId, (tx) => summariseCrime(tx, query)));
  apiTimes.push(api.ms);
  rows = api.result.rows.length;
  const floor = await time(() =>
    sql`SELECT locality_id, top_class, count(*) FROM crime_offences
         WHERE tenant_id = ${tenantId} AND occurred_at >= '2025-01-01' AND occurred_at < '2026-01-01'
         GROUP BY 1, 2`.execute(database.db),
  );
  floorTimes.push(floor.ms);
}
apiTimes.sort((a, b) => a - b);
floorTimes.sort((a, b) => a - b);

const layer = await time(() => withTenant(database.db, tenantId, (tx) => mapCrime(tx, { from: '2025-01-01', to: '2025-12-31', cellMetres: 250 })));

console.log(
  JSON.stringify(
    {
      database: database.kind,
      offences: OFFENCES,
      localities: GRID * (GRID / 2),
      import: { imported, seconds: Math.round(importMs / 100) / 10, rowsPerSecond: Math.round((imported / importMs) * 1000) },
      summaryLocalityByClass: {
        rows,
        runs: RUNS,
        medianMs: Math.round(percentile(apiTimes, 50)),
        p99Ms: Math.round(percentile(apiTimes, 99)),
        floorMedianMs: Math.round(percentile(floorTimes, 50)),
        floorP99Ms: Math.round(percentile(floorTimes, 99)),
      },
      mapLayer: { cells: layer.result.features.length, bytes: Buffer.byteLength(JSON.stringify(layer.result)), ms: Math.round(layer.ms) },
    },
    null,
    2,
  ),
);
await database.close();
