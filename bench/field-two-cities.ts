/**
 * Two cities writing at once (issue 8): single PUTs under autocannon for city A alone, city B alone,
 * then both at once, each city with its own assistant, in one app (one pool) on PostgreSQL. Each city
 * should keep ≥ 80 % of its solo throughput: cities do not share a lock.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/saferhood_bench npx tsx bench/field-two-cities.ts
 *
 * BENCH_SECONDS (default 15), BENCH_CONNECTIONS per city (default 5).
 */
import autocannon from 'autocannon';
import { uuidv7 } from 'uuidv7';
import { withSystem } from '../server/src/db/scope';
import { hashPassword } from '../server/src/modules/auth/index';
import { openBenchCity, PASSWORD, random, recordBody } from './field-bench-city';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 5);

const city = await openBenchCity({ assistants: 1, poolSize: CONNECTIONS * 2 });
// A second city in the same app: its tenant (the default categories come with it) and one assistant.
const second = { tenantId: crypto.randomUUID(), slug: `bench-b-${Date.now().toString(36)}` };
await withSystem(city.database.db, async (tx) => {
  await tx.insertInto('tenants').values({ id: second.tenantId, slug: second.slug, name: 'Bench City B', timeZone: 'Europe/Prague', defaultLanguage: 'cs', currency: 'CZK' }).execute();
  await tx
    .insertInto('users')
    .values({ tenantId: second.tenantId, id: crypto.randomUUID(), email: 'assistant-1@bench.test', displayName: 'Asistent B', role: 'assistant', passwordHash: await hashPassword(PASSWORD) })
    .execute();
});
const sessionA = await city.signIn(city.assistants[0]!.email);
const answer = await fetch(`${city.address}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ tenant: second.slug, email: 'assistant-1@bench.test', password: PASSWORD }),
});
const sessionB = { cookie: answer.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await answer.json()) as { csrfToken: string }).csrfToken };

const next = random(11);
const load = (session: { cookie: string; csrfToken: string }) =>
  autocannon({
    url: city.address,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    requests: [{ method: 'PUT', setupRequest: (request) => ({ ...request, path: `/api/v1/field-records/${uuidv7()}`, body: JSON.stringify(recordBody(next, new Date('2026-11-20T10:00:00Z'))) }) }],
  });
const rate = (result: autocannon.Result) => ({ perSecond: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx });

const soloA = rate(await load(sessionA));
const soloB = rate(await load(sessionB));
const [bothA, bothB] = (await Promise.all([load(sessionA), load(sessionB)])).map(rate);
console.log(
  JSON.stringify(
    { connectionsPerCity: CONNECTIONS, soloA, soloB, bothA, bothB, keptA: Number((bothA!.perSecond / soloA.perSecond).toFixed(2)), keptB: Number((bothB!.perSecond / soloB.perSecond).toFixed(2)) },
    null,
    2,
  ),
);
await city.close();
