/**
 * The field-records summary under row-level security (issue 8): 1,000,000 records of one city over
 * 2026 (bulk SQL, ANALYZEd), then the summary by category × month as the API runs it — in a tenant
 * transaction (`saferhood_app` role, `app.tenant_id`, RLS) — against the same SQL as the owning role
 * without RLS (the floor), interleaved, with app_tenant_id() PARALLEL UNSAFE (as before issue 8) and
 * PARALLEL SAFE (migration 20261202102000_lean_request_path.sql).
 *
 *   createdb -h 127.0.0.1 -U postgres saferhood_bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/saferhood_bench npx tsx bench/field-summary.ts
 *
 * BENCH_RECORDS (default 1,000,000), BENCH_RUNS (default 5 per variant).
 */
import { sql } from 'kysely';
import { withSystem, withTenant, type TenantTx } from '../server/src/db/scope';
import { summariseRecords } from '../server/src/modules/field-work/field-record.repository';
import { INTERNAL_CATEGORIES, openBenchCity } from './field-bench-city';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const city = await openBenchCity({ assistants: 1, poolSize: 2 });
const assistant = city.assistants[0]!.id;
const loadStarted = performance.now();
await sql`
  INSERT INTO field_records (tenant_id, id, assistant_id, category, sensitivity, occurred_at, location, location_source, note, urgent,
                             content_hash, created_by)
  SELECT ${city.tenantId}, gen_random_uuid(), ${assistant}, (${INTERNAL_CATEGORIES}::text[])[1 + floor(random() * ${INTERNAL_CATEGORIES.length})::int],
         'internal', '2026-01-01T00:00:00Z'::timestamptz + random() * interval '365 days',
         ST_SetSRID(ST_MakePoint(14.3 + random() * 0.2, 50.0 + random() * 0.1), 4326), 'gps', 'Pochůzka, bez závad.', false,
         md5(i::text), ${assistant}
    FROM generate_series(1, ${RECORDS}) i`.execute(city.database.db);
await sql`ANALYZE field_records`.execute(city.database.db);
const loadSeconds = (performance.now() - loadStarted) / 1000;

const from = new Date('2026-01-01T00:00:00+01:00');
const to = new Date('2027-01-01T00:00:00+01:00');
const summarise = (tx: TenantTx) => summariseRecords(tx, ['category', 'month'], from, to, 'Europe/Prague');
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(parallel: 'SAFE' | 'UNSAFE') {
  await sql.raw(`ALTER FUNCTION app_tenant_id() PARALLEL ${parallel}`).execute(city.database.db);
  const rls: number[] = [];
  const owner: number[] = [];
  await withTenant(city.database.db, city.tenantId, summarise); // warm-up
  for (let run = 0; run < RUNS; run += 1) {
    rls.push(await timed(() => withTenant(city.database.db, city.tenantId, summarise)));
    // The same SQL as the owning role, which row-level security does not apply to.
    owner.push(await timed(() => withSystem(city.database.db, (tx) => summarise(Object.assign(tx, { tenantId: city.tenantId })))));
  }
  return { rlsMedianMs: Math.round(median(rls)), ownerMedianMs: Math.round(median(owner)), ratio: Number((median(rls) / median(owner)).toFixed(2)) };
}

const before = await measure('UNSAFE');
const after = await measure('SAFE');
console.log(JSON.stringify({ records: RECORDS, loadSeconds: Math.round(loadSeconds), parallelUnsafe: before, parallelSafe: after }, null, 2));
await city.close();
