import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/scope';
import { as, buildSignedIn, type Session } from '../../support/factories';
import { upload } from '../../support/multipart';
import { readSharedData } from '../../support/shared-data';
import { snapshotTenants } from '../../support/snapshot';
import { createTestContext, type TestContext } from '../../support/test-app';

const SAMPLE = readSharedData('police/sample-2026-07-praha.csv');
const PRAGUE = JSON.parse(readSharedData('boundaries/praha-districts.geojson'));
/**
 * The sample counted by plain code, not by the SQL under test: each offence's local day (the file's dates
 * carry Prague's offset), its type codes and its class — the top-level class of its first type, looked up
 * in the police code list the app ships.
 */
const TYPE_CLASSES = new Map<number, number>(
  (JSON.parse(readFileSync(new URL('../../../src/modules/territory/data/police-crime-types.json', import.meta.url), 'utf8')) as {
    items: { code: number; topClass: number }[];
  }).items.map((item) => [item.code, item.topClass]),
);
const OFFENCES = SAMPLE.trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [, , , , date, , , ...rest] = line.split(',');
    const types = rest.join(',').replaceAll('"', '').split(',').map(Number);
    return { day: date!.slice(0, 10), month: date!.slice(0, 7), types, topClass: TYPE_CLASSES.get(types[0]!) ?? types[0]! };
  });
const countBy = (keys: (string | number)[]) => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort());
};
const rowsBy = (rows: Record<string, unknown>[], key: string) =>
  Object.fromEntries(rows.map((row) => [String(row[key]), row.count as number]).sort());

const district = (name: string) => PRAGUE.features.find((f: { properties: { ob: string } }) => f.properties.ob === name).geometry;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const importCrime = (session: Session, file: string, filename = 'offences.csv') => upload(ctx.app, session, '/api/v1/crime-data/import', file, {}, filename);
const summary = (session: Session, query: string) =>
  ctx.app.inject({ method: 'GET', url: `/api/v1/crime-data/summary?${query}`, headers: as(session) });

describe('police crime data', () => {
  it('imports the real Prague sample once: a second import stores nothing new', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const first = await importCrime(session, SAMPLE);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ imported: 400, duplicates: 0, outsideArea: 0, invalid: [] });
    expect((await importCrime(session, SAMPLE)).json()).toEqual({ imported: 0, duplicates: 400, outsideArea: 0, invalid: [] });
  });

  it('counts and skips offences outside the city’s area, and places the rest in their localities', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const area = await ctx.app.inject({ method: 'PUT', url: '/api/v1/city-area', headers: as(session), payload: { boundary: district('Praha 2') } });
    expect(area.statusCode).toBe(200);
    const locality = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/localities',
      headers: as(session),
      payload: { name: 'Praha 2', kind: 'at_risk', boundary: district('Praha 2') },
    });
    expect(locality.statusCode).toBe(201);
    const result = (await importCrime(session, SAMPLE)).json();
    expect(result.imported).toBeGreaterThan(0);
    const byLocality = (await summary(session, 'from=2026-07-01&to=2026-07-31&groupBy=locality')).json();
    expect(byLocality.rows).toEqual([{ localityId: locality.json().id, count: result.imported }]);
    expect(result.imported + result.outsideArea).toBe(400);
    const placed = await withTenant(ctx.database.db, tenant.id, (tx) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM crime_offences WHERE tenant_id = ${tenant.id} AND locality_id = ${locality.json().id}`.execute(tx),
    );
    expect(placed.rows[0]!.n).toBe(result.imported);
  });

  it('summarises by locality and class, by month and by type, counting what the file says', async () => {
    expect(OFFENCES).toHaveLength(400);
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    await importCrime(session, SAMPLE);
    const byClass = (await summary(session, 'from=2026-07-01&to=2026-07-31&groupBy=locality,class')).json();
    const rowCount = await withTenant(ctx.database.db, tenant.id, (tx) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM crime_offences WHERE tenant_id = ${tenant.id}`.execute(tx),
    );
    expect(byClass.total).toBe(OFFENCES.length);
    expect(rowCount.rows[0]!.n).toBe(OFFENCES.length);
    expect(byClass.rows.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(byClass.total);
    expect(rowsBy(byClass.rows, 'class')).toEqual(countBy(OFFENCES.map((offence) => offence.topClass)));
    const byMonth = (await summary(session, 'from=2026-07-01&to=2026-07-31&groupBy=month')).json();
    expect(rowsBy(byMonth.rows, 'month')).toEqual(countBy(OFFENCES.map((offence) => offence.month)));
    // 1 July only, in Prague time.
    const firstDay = (await summary(session, 'from=2026-07-01&to=2026-07-01&groupBy=class')).json();
    const onFirstDay = OFFENCES.filter((offence) => offence.day === '2026-07-01');
    expect(onFirstDay.length).toBeGreaterThan(0);
    expect(firstDay.total).toBe(onFirstDay.length);
    expect(rowsBy(firstDay.rows, 'class')).toEqual(countBy(onFirstDay.map((offence) => offence.topClass)));
    // An offence of several types counts once under each; the total still counts it once.
    const byType = (await summary(session, 'from=2026-07-01&to=2026-07-31&groupBy=type')).json();
    expect(rowsBy(byType.rows, 'type')).toEqual(countBy(OFFENCES.flatMap((offence) => offence.types)));
    expect(byType.total).toBe(OFFENCES.length);
  });

  it('serves the map layer as counts per grid cell that add up to the offences', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    await importCrime(session, SAMPLE);
    const layer = await ctx.app.inject({ method: 'GET', url: '/api/v1/crime-data/grid?from=2026-07-01&to=2026-07-31&cellMetres=500', headers: as(session) });
    expect(layer.statusCode).toBe(200);
    expect(layer.headers['content-type']).toContain('application/geo+json');
    const features = layer.json().features;
    expect(features.length).toBeGreaterThan(10);
    expect(features.length).toBeLessThan(400);
    expect(features.reduce((sum: number, f: { properties: { count: number } }) => sum + f.properties.count, 0)).toBe(400);
  });

  it('accepts GeoJSON and longitude/latitude columns with unknown extras', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [14.43, 50.08] }, properties: { id: 1, mp: false, date: '2026-07-02 10:00:00+02:00', state: 2, relevance: 4, types: [74, 97] } },
      ],
    };
    expect((await importCrime(session, JSON.stringify(geojson), 'offences.geojson')).json()).toMatchObject({ imported: 1 });
    const csv = 'id,longitude,latitude,mp,date,state,relevance,types,kod_obec\n2,14.43,50.08,True,2026-07-02 11:00:00+02:00,1,4,"35,36",554782\n';
    expect((await importCrime(session, csv)).json()).toMatchObject({ imported: 1, invalid: [] });
  });

  it('reports invalid rows by number and column, imports the rest', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const csv = [
      'id,x,y,mp,date,state,relevance,types',
      '10,14.43,50.08,False,2026-07-02 10:00:00+02:00,2,4,54',
      'abc,14.43,50.08,False,2026-07-02 10:00:00+02:00,2,4,54',
      '11,999,50.08,False,2026-07-02 10:00:00+02:00,2,4,54',
      '12,14.43,50.08,False,yesterday,2,4,54',
      '13,14.43,50.08,False,2026-07-02 10:00:00+02:00,9,4,54',
      "14,14.43,50.08,False,2026-07-02 10:00:00+02:00,2,4,'; DROP TABLE crime_offences; --",
    ].join('\n');
    const result = (await importCrime(session, csv)).json();
    expect(result.imported).toBe(1);
    expect(result.invalid.map((issue: { index: number; reason: string }) => [issue.index, issue.reason])).toEqual([
      [1, 'Invalid or missing value in the column “id”.'],
      [2, 'Invalid or missing value in the column “x”.'],
      [3, 'Invalid or missing value in the column “date”.'],
      [4, 'Invalid or missing value in the column “state”.'],
      [5, 'Invalid or missing value in the column “types”.'],
    ]);
  });

  it('refuses a file that is neither, and bad summary queries, changing nothing', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const before = await snapshotTenants(ctx.database.db, [tenant.id]);
    for (const file of ['{"type": "Feature"}', 'name,age\nAnna,3\n', '{not json']) {
      const response = await importCrime(session, file);
      expect(response.statusCode, file).toBe(422);
    }
    expect(await snapshotTenants(ctx.database.db, [tenant.id])).toBe(before);
    for (const query of ['from=2026-07-01', 'from=x&to=y', 'from=2026-07-01&to=2026-07-31&groupBy=colour', 'from=2026-07-01&to=2026-07-31&extra=1']) {
      expect((await summary(session, query)).statusCode, query).toBe(400);
    }
  });

  it('keeps registered crime from an assistant, and another tenant’s offences from everyone', async () => {
    const a = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    await importCrime(a.session, SAMPLE);
    const b = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    expect((await summary(b.session, 'from=2026-07-01&to=2026-07-31&groupBy=class')).json().total).toBe(0);
    const assistant = await buildSignedIn(ctx.app, ctx.database.db, 'assistant');
    expect((await summary(assistant.session, 'from=2026-07-01&to=2026-07-31&groupBy=class')).statusCode).toBe(403);
  });
});
