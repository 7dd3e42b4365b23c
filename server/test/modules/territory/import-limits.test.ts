import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem, withTenant } from '../../../src/db/scope';
import { runImport } from '../../../src/http/import-guard';
import { as, buildSignedIn, type Session } from '../../support/factories';
import { upload } from '../../support/multipart';
import { createAppOn, createTestContext, type TestContext } from '../../support/test-app';
import type { FastifyInstance } from 'fastify';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Limits of every import: rows, time, one audit entry, concurrency, bad multipart bodies (issue 8). */
let ctx: TestContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestContext();
  app = await createAppOn(ctx, { imports: { maxRows: 10, concurrency: 1, timeoutSeconds: 10 } });
});
afterAll(async () => {
  await app?.close();
  await ctx.close();
});

const square = (x: number, y: number) => [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]];
const localities = (n: number) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { name: `L${i}`, code: `L${i}` }, geometry: { type: 'Polygon', coordinates: square(14 + i * 0.01, 50) } })),
  });
const places = (n: number) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { name: `P${i}` }, geometry: { type: 'Point', coordinates: [14 + i * 0.01, 50] } })),
  });
const crimeCsv = (n: number) =>
  `id,x,y,date,state,relevance,types,mp\n${Array.from({ length: n }, (_, i) => `${900000 + i},14.4${i},50.0,2024-01-01 10:00:00,1,1,101,False`).join('\n')}\n`;
const valuesCsv = (n: number) => `date,locality,value,source\n${Array.from({ length: n }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},,${i},Test`).join('\n')}\n`;

async function newIndicator(session: Session): Promise<string> {
  const created = await app.inject({ method: 'POST', url: '/api/v1/indicators', headers: as(session), payload: { name: 'Beds', unit: 'beds' } });
  expect(created.statusCode).toBe(201);
  return created.json().id;
}

/** Every row a tenant owns in the tables an import writes, and its audit entries. */
async function countRows(tenantId: string) {
  return withSystem(ctx.database.db, async (tx) => {
    const { rows } = await sql<Record<string, number>>`
      SELECT (SELECT count(*)::int FROM localities WHERE tenant_id = ${tenantId}) AS localities,
             (SELECT count(*)::int FROM places WHERE tenant_id = ${tenantId}) AS places,
             (SELECT count(*)::int FROM crime_offences WHERE tenant_id = ${tenantId}) AS offences,
             (SELECT count(*)::int FROM indicator_values WHERE tenant_id = ${tenantId}) AS "values",
             (SELECT count(*)::int FROM audit_log WHERE tenant_id = ${tenantId}) AS audit`.execute(tx);
    return rows[0]!;
  });
}

interface ImportRoute {
  url: string;
  file: (rows: number) => string;
  fields: Record<string, string>;
  filename: string;
}
const importRoutes = (indicatorId: string): ImportRoute[] => [
  { url: '/api/v1/localities/import', file: localities, fields: { nameProperty: 'name', codeProperty: 'code', dryRun: 'false' }, filename: 'areas.geojson' },
  { url: '/api/v1/places/import', file: places, fields: { nameProperty: 'name', kind: 'other', dryRun: 'false' }, filename: 'places.geojson' },
  { url: '/api/v1/crime-data/import', file: crimeCsv, fields: {}, filename: 'offences.csv' },
  { url: `/api/v1/indicators/${indicatorId}/values/import`, file: valuesCsv, fields: {}, filename: 'values.csv' },
];

describe('import limits', () => {
  it('refuses a file over the row limit on every import route with a translated 413, changing nothing', async () => {
    const { tenant, session } = await buildSignedIn(app, ctx.database.db, 'coordinator');
    const indicatorId = await newIndicator(session);
    const before = await countRows(tenant.id);
    for (const route of importRoutes(indicatorId)) {
      const refused = await upload(app, session, route.url, route.file(11), route.fields, route.filename);
      expect(`${route.url} ${refused.statusCode}`).toBe(`${route.url} 413`);
      expect(refused.json()).toMatchObject({ code: 'import_too_many_rows', detail: 'The file has 11 rows; an import accepts at most 10. Split the file and import the parts.' });
    }
    expect(await countRows(tenant.id)).toEqual(before);
  });

  it('writes one audit entry per import, with its counts, not one per row', async () => {
    const { tenant, session } = await buildSignedIn(app, ctx.database.db, 'coordinator');
    const indicatorId = await newIndicator(session);
    for (const route of importRoutes(indicatorId)) {
      const before = await countRows(tenant.id);
      const imported = await upload(app, session, route.url, route.file(5), route.fields, route.filename);
      expect(`${route.url} ${imported.statusCode}`).toBe(`${route.url} 200`);
      expect((await countRows(tenant.id)).audit! - before.audit!).toBe(1);
    }
    const after = await countRows(tenant.id);
    expect(after).toMatchObject({ localities: 5, places: 5, values: 5 });
    const entries = await withSystem(ctx.database.db, (tx) =>
      tx.selectFrom('auditLog').select(['action', 'after']).where('tenantId', '=', tenant.id).where('action', 'like', '%import%').orderBy('id').execute(),
    );
    expect(entries.map((entry) => entry.action)).toEqual(['locality.import', 'place.import', 'crime_data.import', 'indicator.import_values']);
    expect(entries[0]!.after).toMatchObject({ total: 5, created: 5, updated: 0 });
    expect(entries[3]!.after).toMatchObject({ recorded: 5 });
  });

  it('refuses an import while the import slots are taken (503 with Retry-After), and takes it once one is free', async () => {
    const { session } = await buildSignedIn(app, ctx.database.db, 'coordinator');
    const indicatorId = await newIndicator(session);
    const release = app.importSlots.tryAcquire();
    expect(release).toBeTypeOf('function');
    const busy = await upload(app, session, `/api/v1/indicators/${indicatorId}/values/import`, valuesCsv(2), {}, 'values.csv');
    expect(busy.statusCode).toBe(503);
    expect(busy.json().code).toBe('import_busy');
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    release!();
    expect((await upload(app, session, `/api/v1/indicators/${indicatorId}/values/import`, valuesCsv(2), {}, 'values.csv')).statusCode).toBe(200);
  });

  it('turns a statement timeout inside an import into a clear 503 problem, not a 500', async () => {
    const { tenant } = await buildSignedIn(app, ctx.database.db, 'coordinator');
    const fakeReply = { raw: { once: () => undefined, off: () => undefined, writableFinished: false } } as never;
    const slow = runImport(app, fakeReply, tenant.id, async (tx) => {
      await sql`SELECT pg_sleep(5)`.execute(tx);
    }, { timeoutSeconds: 1 });
    await expect(slow).rejects.toMatchObject({ code: 'request_timed_out', status: 503 });
  });

  it.skipIf(!process.env.DATABASE_URL)('answers 503 when an import waits for a lock longer than its lock timeout (PostgreSQL)', async () => {
    const { tenant, session } = await buildSignedIn(app, ctx.database.db, 'coordinator');
    const indicatorId = await newIndicator(session);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Another transaction holds the indicator row: the import's inserts (foreign key) wait for it.
    const holder = withTenant(ctx.database.db, tenant.id, async (tx) => {
      await sql`SELECT id FROM indicators WHERE id = ${indicatorId} FOR UPDATE`.execute(tx);
      locked();
      await held;
    });
    await isLocked;
    try {
      const refused = await upload(app, session, `/api/v1/indicators/${indicatorId}/values/import`, valuesCsv(2), {}, 'values.csv');
      expect(refused.statusCode).toBe(503);
      expect(refused.json().code).toBe('request_timed_out');
    } finally {
      release();
      await holder;
    }
  });
});

describe('cancellation', () => {
  // PGlite runs one statement at a time on one connection: there the import stops at its next
  // checkpoint (between chunks) or before commit; nothing can wait on a lock held elsewhere.
  it.skipIf(!process.env.DATABASE_URL)('cancels a waiting import when the client goes away, writing nothing (PostgreSQL)', async () => {
    const patient = await createAppOn(ctx, { imports: { maxRows: 10, concurrency: 1, timeoutSeconds: 600 } });
    await patient.listen({ port: 0, host: '127.0.0.1' });
    const { tenant, session } = await buildSignedIn(patient, ctx.database.db, 'coordinator');
    const created = await patient.inject({ method: 'POST', url: '/api/v1/indicators', headers: as(session), payload: { name: 'Beds', unit: 'beds' } });
    const indicatorId: string = created.json().id;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = withTenant(ctx.database.db, tenant.id, async (tx) => {
      await sql`SELECT id FROM indicators WHERE id = ${indicatorId} FOR UPDATE`.execute(tx);
      locked();
      await held;
    });
    await isLocked;
    const waiting = async () =>
      withSystem(ctx.database.db, async (tx) => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO indicator_values%'`.execute(tx);
        return rows[0]!.n;
      });
    try {
      const boundary = '----saferhood-test';
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="values.csv"\r\nContent-Type: text/csv\r\n\r\n${valuesCsv(3)}\r\n--${boundary}--\r\n`;
      const { port } = patient.server.address() as AddressInfo;
      const client = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/indicators/${indicatorId}/values/import`,
        headers: { ...as(session), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': Buffer.byteLength(body) },
      });
      client.on('error', () => undefined);
      client.end(body);
      // The import's insert waits for the row lock; then the client hangs up.
      while ((await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      client.destroy();
      // The server cancels the waiting statement and frees its import slot, long before any timeout.
      while ((await waiting()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      let slot = patient.importSlots.tryAcquire();
      while (!slot) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        slot = patient.importSlots.tryAcquire();
      }
      slot();
    } finally {
      release();
      await holder;
      await patient.close();
    }
    expect((await countRows(tenant.id)).values).toBe(0);
  });
});

describe('bad multipart bodies', () => {
  it('answers truncated, empty and malformed multipart bodies with 400 on every import route', async () => {
    const { session } = await buildSignedIn(app, ctx.database.db, 'coordinator');
    const indicatorId = await newIndicator(session);
    const boundary = '----saferhood-test';
    const bodies = [
      '',
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nid,x\n1,2`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n`,
      'garbage without any boundary',
    ];
    for (const route of importRoutes(indicatorId)) {
      for (const payload of bodies) {
        const response = await app.inject({
          method: 'POST',
          url: route.url,
          headers: as(session, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en' }),
          payload,
        });
        expect(`${route.url} ${JSON.stringify(payload.slice(0, 20))} ${response.statusCode}`).toMatch(/ 400$/);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
  });
});

describe('/readyz', () => {
  it('answers 503 while no database connection can be had, and 200 again once one is free', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Hold every connection of the test pool (4; PGlite has one).
    const holders = Array.from({ length: 4 }, () => ctx.database.db.connection().execute(() => held));
    try {
      const starved = await ctx.app.inject({ method: 'GET', url: '/readyz' });
      expect(starved.statusCode).toBe(503);
    } finally {
      release();
      await Promise.all(holders);
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});
