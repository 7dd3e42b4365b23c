/**
 * Field-work sync (issues 4 and 8): one phone comes back online with 1,000 records in its outbox. The
 * field app's sync engine (web/src/field/sync/sync-engine.ts) sends the outbox in batches of up to 100
 * records (`POST /api/v1/field-records/batch`), the next after the answer to the last — so this sends
 * 10 batches sequentially over one keep-alive connection and measures how long until the last is
 * stored. Then it sends all 1,000 again (a resend after lost answers: each is recognised as a repeat
 * and stores nothing). BENCH_BATCH=1 sends single PUTs, as the app did before issue 8.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/saferhood_bench npm run bench:field-sync -w bench
 *   npm run bench:field-sync -w bench        # embedded PGlite
 *
 * BENCH_RECORDS (default 1000).
 */
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { openBenchCity, percentile, random, recordBody } from './field-bench-city';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);

const city = await openBenchCity({ assistants: 1, poolSize: 4 });
const session = await city.signIn(city.assistants[0]!.email);
const next = random(7);
// A long shift's worth of records queued offline, a few seconds apart.
const outbox = Array.from({ length: RECORDS }, (_, index) => ({
  id: uuidv7(),
  body: JSON.stringify(recordBody(next, new Date(Date.parse('2026-11-20T07:00:00Z') + index * 20_000))),
}));
const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };

async function send(ops: typeof outbox): Promise<void> {
  if (BATCH === 1) {
    const answer = await fetch(`${city.address}/api/v1/field-records/${ops[0]!.id}`, { method: 'PUT', headers, body: ops[0]!.body });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`PUT answered ${answer.status}`);
    return;
  }
  // The app's body: each record's id with its PUT body.
  const body = `{"records":[${ops.map((op) => `{"id":"${op.id}",${op.body.slice(1)}`).join(',')}]}`;
  const answer = await fetch(`${city.address}/api/v1/field-records/batch`, { method: 'POST', headers, body });
  const { results } = (await answer.json()) as { results: { status: number }[] };
  if (answer.status !== 200 || results.some((result) => result.status !== 200)) throw new Error(`batch answered ${answer.status}`);
}

async function drain() {
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 0; index < outbox.length; index += BATCH) {
    const sent = performance.now();
    await send(outbox.slice(index, index + BATCH));
    latencies.push(performance.now() - sent);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round(RECORDS / seconds),
    requestLatencyMs: { p50: Number(percentile(latencies, 50).toFixed(1)), p99: Number(percentile(latencies, 99).toFixed(1)) },
  };
}

const first = await drain();
const afterFirst = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE tenant_id = ${city.tenantId}`.execute(city.database.db);
const resent = await drain();
const stored = await sql<{ n: string }>`SELECT count(*) AS n FROM field_records WHERE tenant_id = ${city.tenantId}`.execute(city.database.db);
const afterResend = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE tenant_id = ${city.tenantId}`.execute(city.database.db);

// The floor, in the same run: the very rows stored, inserted again with new ids as plain INSERTs one
// at a time through the same pool — no HTTP, validation, locality lookup, row-level security or audit.
const { rows } = await sql<Record<string, unknown>>`
  SELECT assistant_id, category, sensitivity, occurred_at, ST_AsEWKB(location) AS location, location_source, locality_id,
         people_count, note, urgent, content_hash, created_by
    FROM field_records WHERE tenant_id = ${city.tenantId}`.execute(city.database.db);
const floorStarted = performance.now();
for (const row of rows) {
  await sql`
    INSERT INTO field_records (tenant_id, id, assistant_id, category, sensitivity, occurred_at, location, location_source, locality_id,
                               people_count, note, urgent, content_hash, created_by)
    VALUES (${city.tenantId}, ${uuidv7()}, ${row.assistantId}, ${row.category}, ${row.sensitivity}, ${row.occurredAt},
            ST_GeomFromEWKB(${row.location}), ${row.locationSource}, ${row.localityId}, ${row.peopleCount}, ${row.note}, ${row.urgent},
            ${row.contentHash}, ${row.createdBy})`.execute(city.database.db);
}
const floorSeconds = (performance.now() - floorStarted) / 1000;

console.log(
  JSON.stringify(
    {
      database: city.database.kind,
      floorSeconds: Number(floorSeconds.toFixed(2)),
      firstToFloor: Number((first.seconds / floorSeconds).toFixed(1)),
      resentToFloor: Number((resent.seconds / floorSeconds).toFixed(1)),
      records: RECORDS,
      batch: BATCH,
      storedRecords: Number(stored.rows[0]!.n),
      auditEntriesAddedByResend: Number(afterResend.rows[0]!.n) - Number(afterFirst.rows[0]!.n),
      first,
      resent,
    },
    null,
    2,
  ),
);
await city.close();
