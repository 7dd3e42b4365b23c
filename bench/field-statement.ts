/**
 * The monthly activity statement (issue 4) for a city with 50 assistants and 200,000 field records
 * spread over 2026 (BENCH_MONTHS=1 puts them all in November, the worst case), plus a year of
 * weekday shifts for everyone with check-ins. Data goes in as bulk SQL; then the programme's
 * statement for November is fetched over HTTP as JSON, XLSX and PDF, each BENCH_RUNS times after a
 * warm-up, and one assistant's statement as JSON.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/saferhood_bench npm run bench:field-statement -w bench
 *   npm run bench:field-statement -w bench   # embedded PGlite
 */
import { sql } from 'kysely';
import { withSystem } from '../server/src/db/scope';
import { openBenchCity, percentile } from './field-bench-city';

const ASSISTANTS = Number(process.env.BENCH_ASSISTANTS ?? 50);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const MONTH = '2026-11';

const city = await openBenchCity({ assistants: ASSISTANTS, poolSize: 4 });
const assistantIds = city.assistants.map((assistant) => assistant.id);
const categories = (await sql<{ code: string }>`SELECT code FROM field_record_categories WHERE tenant_id = ${city.tenantId}`.execute(city.database.db)).rows.map(
  (row) => row.code,
);

const loadStarted = performance.now();
await withSystem(city.database.db, async (tx) => {
  await sql`SELECT setseed(0.42)`.execute(tx);
  // Records: a random assistant, category, point in the box, moment in the period; 5 % urgent, 60 % approved.
  const [from, to] = MONTHS === 1 ? ['2026-11-01T00:00:00+01:00', '2026-12-01T00:00:00+01:00'] : ['2026-01-01T00:00:00+01:00', '2027-01-01T00:00:00+01:00'];
  await sql`
    INSERT INTO field_records (tenant_id, id, assistant_id, category, sensitivity, occurred_at, location, location_source, people_count,
                               note, urgent, signal_kind, signal_contact, status, content_hash, created_by)
    SELECT ${city.tenantId}, gen_random_uuid(), g.assistant, g.category,
           CASE WHEN g.category = 'hidden_crime_signal' THEN 'restricted' ELSE 'internal' END,
           ${from}::timestamptz + g.r1 * (${to}::timestamptz - ${from}::timestamptz),
           ST_SetSRID(ST_MakePoint(14.3 + g.r2 * 0.2, 50.0 + g.r3 * 0.1), 4326), 'gps', (g.r4 * 5)::int,
           CASE WHEN g.category = 'hidden_crime_signal' THEN NULL ELSE 'Pochůzka, bez závad.' END,
           g.r4 < 0.05,
           CASE WHEN g.category = 'hidden_crime_signal' THEN 'usury' END,
           CASE WHEN g.category = 'hidden_crime_signal' THEN 'social_worker' END,
           CASE WHEN g.r5 < 0.6 THEN 'approved' ELSE 'submitted' END, md5(g.i::text), g.assistant
      FROM (SELECT i, (${assistantIds}::uuid[])[1 + floor(random() * ${ASSISTANTS})::int] AS assistant,
                   (${categories}::text[])[1 + floor(random() * ${categories.length})::int] AS category,
                   random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
              FROM generate_series(1, ${RECORDS}) i) g`.execute(tx);
  // Each record in its locality, as findLocalityAt would have placed it.
  await sql`
    UPDATE field_records r SET locality_id = l.id
      FROM localities l
     WHERE r.tenant_id = ${city.tenantId} AND l.tenant_id = r.tenant_id AND ST_Contains(l.boundary, r.location)`.execute(tx);
  // A year of weekday shifts 08:00–14:00 for every assistant, 3 % cancelled, checked in and out a few minutes off.
  await sql`
    WITH planned AS (
      SELECT gen_random_uuid() AS id, d::date AS day, a AS assistant, random() < 0.03 AS cancelled
        FROM generate_series('2026-01-01'::date, '2026-12-31'::date, interval '1 day') d CROSS JOIN unnest(${assistantIds}::uuid[]) a
       WHERE extract(isodow FROM d) < 6),
    inserted AS (
      INSERT INTO shifts (tenant_id, id, local_date, starts_at, ends_at, duty_type, cancelled)
      SELECT ${city.tenantId}, id, day, (day + time '08:00') AT TIME ZONE 'Europe/Prague', (day + time '14:00') AT TIME ZONE 'Europe/Prague',
             'locality_patrol', cancelled
        FROM planned RETURNING id)
    INSERT INTO shift_assignments (tenant_id, shift_id, assistant_id, checked_in_at, checked_out_at)
    SELECT ${city.tenantId}, p.id, p.assistant,
           (p.day + time '08:00') AT TIME ZONE 'Europe/Prague' + random() * interval '10 minutes',
           (p.day + time '14:00') AT TIME ZONE 'Europe/Prague' - random() * interval '10 minutes'
      FROM planned p JOIN inserted i ON i.id = p.id`.execute(tx);
});
await sql`ANALYZE field_records`.execute(city.database.db);
await sql`ANALYZE shifts`.execute(city.database.db);
await sql`ANALYZE shift_assignments`.execute(city.database.db);
const loadSeconds = (performance.now() - loadStarted) / 1000;

const session = await city.signIn(city.coordinator.email);
async function measure(query: string) {
  const fetchOnce = async () => {
    const started = performance.now();
    const answer = await fetch(`${city.address}/api/v1/reports/activity-statement?${query}`, { headers: { cookie: session.cookie } });
    const bytes = (await answer.arrayBuffer()).byteLength;
    if (answer.status !== 200) throw new Error(`${query}: ${answer.status}`);
    return { ms: performance.now() - started, bytes };
  };
  await fetchOnce();
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await fetchOnce());
  const times = runs.map((run) => run.ms).sort((a, b) => a - b);
  return { medianMs: Math.round(percentile(times, 50)), maxMs: Math.round(times.at(-1)!), bytes: runs[0]!.bytes };
}

const inMonth = await sql<{ n: string }>`
  SELECT count(*) AS n FROM field_records
   WHERE tenant_id = ${city.tenantId} AND occurred_at >= '2026-11-01T00:00:00+01:00' AND occurred_at < '2026-12-01T00:00:00+01:00'`.execute(city.database.db);
const results = {
  json: await measure(`month=${MONTH}`),
  xlsx: await measure(`month=${MONTH}&format=xlsx&lang=cs`),
  pdf: await measure(`month=${MONTH}&format=pdf&lang=cs`),
  oneAssistantJson: await measure(`month=${MONTH}&assistantId=${assistantIds[0]}`),
};

console.log(
  JSON.stringify(
    {
      database: city.database.kind,
      assistants: ASSISTANTS,
      records: RECORDS,
      recordsInMonth: Number(inMonth.rows[0]!.n),
      loadSeconds: Number(loadSeconds.toFixed(1)),
      runs: RUNS,
      ...results,
    },
    null,
    2,
  ),
);
await city.close();
