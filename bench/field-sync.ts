/**
 * Field-work sync (issue 4): one phone comes back online with 1,000 records in its outbox. The field
 * app's sync engine (web/src/field/sync/sync-engine.ts) sends the outbox one op at a time, in order,
 * each the next only after the answer to the last — so this sends 1,000 PUTs sequentially over one
 * keep-alive connection and measures how long until the last is stored. Then it sends all 1,000 again
 * (a resend after lost answers: each is recognised as a repeat and stores nothing).
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

const city = await openBenchCity({ assistants: 1, poolSize: 4 });
const session = await city.signIn(city.assistants[0]!.email);
const next = random(7);
// A long shift's worth of records queued offline, a few seconds apart.
const outbox = Array.from({ length: RECORDS }, (_, index) => ({
  id: uuidv7(),
  body: JSON.stringify(recordBody(next, new Date(Date.parse('2026-11-20T07:00:00Z') + index * 20_000))),
}));
const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };

async function drain() {
  const latencies: number[] = [];
  const started = performance.now();
  for (const op of outbox) {
    const sent = performance.now();
    const answer = await fetch(`${city.address}/api/v1/field-records/${op.id}`, { method: 'PUT', headers, body: op.body });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`PUT answered ${answer.status}`);
    latencies.push(performance.now() - sent);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    seconds: Number(seconds.toFixed(1)),
    recordsPerSecond: Math.round(RECORDS / seconds),
    latencyMs: { p50: Number(percentile(latencies, 50).toFixed(1)), p99: Number(percentile(latencies, 99).toFixed(1)) },
  };
}

const first = await drain();
const resent = await drain();
const stored = await sql<{ n: string }>`SELECT count(*) AS n FROM field_records WHERE tenant_id = ${city.tenantId}`.execute(city.database.db);

console.log(JSON.stringify({ database: city.database.kind, records: RECORDS, storedRecords: Number(stored.rows[0]!.n), first, resent }, null, 2));
await city.close();
