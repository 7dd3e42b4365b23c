/**
 * Field-work ingestion (issue 4): sustained `PUT /api/v1/field-records/{id}` under autocannon, each
 * request a new record with a new UUIDv7, as one signed-in assistant. Every PUT validates, places the
 * point in its locality, inserts, and appends to the tenant's audit chain in one transaction. The floor:
 * the same rows (read back) inserted again as plain INSERTs through the same pool at the same concurrency.
 *
 *   createdb -h 127.0.0.1 -U postgres saferhood_bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/saferhood_bench npm run bench:field-ingestion -w bench
 *
 * BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 10). BENCH_BATCH=100 sends
 * `POST /api/v1/field-records/batch` with that many new records per request instead of single PUTs
 * (BENCH_BATCH_RECORDS in all, default 5,000).
 * BENCH_UNPREPARED=1 turns prepared statements off (to measure what they bring).
 */
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { openBenchCity, percentile, random, recordBody } from './field-bench-city';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BATCH = Number(process.env.BENCH_BATCH ?? 0);

const city = await openBenchCity({ assistants: 1, poolSize: CONNECTIONS, preparedStatements: process.env.BENCH_UNPREPARED !== '1' });
const session = await city.signIn(city.assistants[0]!.email);
const next = random(42);
const start = Date.parse('2026-11-01T06:00:00Z');

const nextBody = () => recordBody(next, new Date(start + Math.floor(next() * 30 * 86_400_000)));
const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };

/**
 * Batches: a fixed amount of work (BENCH_BATCH_RECORDS, default 5,000 records) sent by CONNECTIONS
 * clients, each the next batch after the answer to the last — timed to the last answer, since a batch's
 * latency is too long for a fixed-duration load generator to count fairly.
 */
async function sendBatches() {
  const total = Number(process.env.BENCH_BATCH_RECORDS ?? 5_000);
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (sent < total) {
        sent += BATCH;
        const body = JSON.stringify({ records: Array.from({ length: BATCH }, () => ({ id: uuidv7(), ...nextBody() })) });
        const requested = performance.now();
        const answer = await fetch(`${city.address}/api/v1/field-records/batch`, { method: 'POST', headers, body });
        const { results } = (await answer.json()) as { results?: { status: number }[] };
        if (answer.status !== 200 || !results || results.some((result) => result.status !== 200)) errors += 1;
        latencies.push(performance.now() - requested);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { seconds: (performance.now() - started) / 1000, requests: latencies.length, errors, p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)) };
}

const result =
  BATCH > 0
    ? await sendBatches()
    : await autocannon({
        url: city.address,
        connections: CONNECTIONS,
        duration: DURATION_SECONDS,
        headers,
        requests: [
          {
            method: 'PUT',
            setupRequest: (request) => ({ ...request, path: `/api/v1/field-records/${uuidv7()}`, body: JSON.stringify(nextBody()) }),
          },
        ],
      }).then((answer) => ({
        seconds: DURATION_SECONDS,
        requests: answer.requests.total,
        errors: answer.errors + answer.non2xx,
        p50: answer.latency.p50,
        p99: answer.latency.p99,
      }));

const stored = await sql<{ n: string }>`SELECT count(*) AS n FROM field_records WHERE tenant_id = ${city.tenantId}`.execute(city.database.db);
const storedRecords = Number(stored.rows[0]!.n);
const recordsPerSecond = storedRecords / result.seconds;

// The floor: the very rows the API stored, inserted again with new ids, one plain INSERT each, with
// the same concurrency through the same pool — no HTTP, validation, locality lookup, RLS or audit.
const { rows } = await sql<Record<string, unknown>>`
  SELECT assistant_id, category, sensitivity, occurred_at, ST_AsEWKB(location) AS location, location_source, locality_id,
         people_count, note, urgent, content_hash, created_by
    FROM field_records WHERE tenant_id = ${city.tenantId}`.execute(city.database.db);
let cursor = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: CONNECTIONS }, async () => {
    while (cursor < rows.length) {
      const row = rows[cursor++]!;
      await sql`
        INSERT INTO field_records (tenant_id, id, assistant_id, category, sensitivity, occurred_at, location, location_source, locality_id,
                                   people_count, note, urgent, content_hash, created_by)
        VALUES (${city.tenantId}, ${uuidv7()}, ${row.assistantId}, ${row.category}, ${row.sensitivity}, ${row.occurredAt},
                ST_GeomFromEWKB(${row.location}), ${row.locationSource}, ${row.localityId}, ${row.peopleCount}, ${row.note}, ${row.urgent},
                ${row.contentHash}, ${row.createdBy})`.execute(city.database.db);
    }
  }),
);
const floorPerSecond = rows.length / ((performance.now() - started) / 1000);

console.log(
  JSON.stringify(
    {
      database: city.database.kind,
      connections: CONNECTIONS,
      seconds: Number(result.seconds.toFixed(1)),
      batch: BATCH || null,
      prepared: process.env.BENCH_UNPREPARED !== '1',
      requests: result.requests,
      storedRecords,
      errors: result.errors,
      recordsPerSecond: Math.round(recordsPerSecond),
      latencyMs: { p50: result.p50, p99: result.p99 },
      floorInsertsPerSecond: Math.round(floorPerSecond),
      ratioToFloor: Number((recordsPerSecond / floorPerSecond).toFixed(2)),
    },
    null,
    2,
  ),
);
await city.close();
