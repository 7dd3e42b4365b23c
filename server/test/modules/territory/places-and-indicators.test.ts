import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildSignedIn, buildUser, signIn, type Session } from '../../support/factories';
import { upload } from '../../support/multipart';
import { createTestContext, type TestContext } from '../../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const square = [[[14.4, 50.0], [14.5, 50.0], [14.5, 50.1], [14.4, 50.1], [14.4, 50.0]]];

async function buildLocality(session: Session) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/localities',
    headers: as(session),
    payload: { name: 'Sokolská', kind: 'socially_excluded', boundary: { type: 'Polygon', coordinates: square } },
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('places of duty', () => {
  it('places a school crossing in the locality around it and lists it as GeoJSON', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const locality = await buildLocality(session);
    const crossing = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/places',
      headers: as(session),
      payload: { name: 'Přechod u ZŠ', kind: 'school_crossing', geometry: { type: 'Point', coordinates: [14.45, 50.05] } },
    });
    expect(crossing.statusCode).toBe(201);
    expect(crossing.json()).toMatchObject({ kind: 'school_crossing', localityId: locality.id });
    const path = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/places',
      headers: as(session),
      payload: { name: 'Cyklostezka', kind: 'bike_path', geometry: { type: 'LineString', coordinates: [[14.3, 50.05], [14.35, 50.05]] } },
    });
    expect(path.json().localityId).toBeNull();
    const geojson = await ctx.app.inject({ method: 'GET', url: '/api/v1/places?format=geojson', headers: as(session) });
    expect(geojson.json().features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['Cyklostezka', 'Přechod u ZŠ']);
  });

  it('lets the mentor add places but not an assistant', async () => {
    const mentor = await buildSignedIn(ctx.app, ctx.database.db, 'supervisor');
    const payload = { name: 'Zastávka', kind: 'transport_hub', geometry: { type: 'Point', coordinates: [14.45, 50.05] } };
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/places', headers: as(mentor.session), payload })).statusCode).toBe(201);
    const assistant = await buildSignedIn(ctx.app, ctx.database.db, 'assistant');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/places', headers: as(assistant.session), payload })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/places', headers: as(assistant.session) })).statusCode).toBe(200);
  });
});

describe('indicators', () => {
  it('records values over time for a locality and the city, exact decimals, and serves the series', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const locality = await buildLocality(session);
    const indicator = await ctx.app.inject({ method: 'POST', url: '/api/v1/indicators', headers: as(session), payload: { name: 'Lidé v exekuci', unit: 'osob' } });
    expect(indicator.statusCode).toBe(201);
    const id = indicator.json().id;
    const record = (payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: `/api/v1/indicators/${id}/values`, headers: as(session), payload });
    expect((await record({ localityId: locality.id, date: '2023-12-31', value: 310, source: 'Exekutorská komora' })).statusCode).toBe(201);
    expect((await record({ localityId: locality.id, date: '2024-12-31', value: '295.5' })).json()).toMatchObject({ value: '295.5', date: '2024-12-31' });
    expect((await record({ date: '2024-12-31', value: 10020 })).json()).toMatchObject({ localityId: null, value: '10020' });
    // A second value for the same date and place corrects the first.
    expect((await record({ localityId: locality.id, date: '2024-12-31', value: '296' })).json().value).toBe('296');

    const series = await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${locality.id}/indicators`, headers: as(session) });
    expect(series.json().items).toEqual([
      {
        indicator: expect.objectContaining({ name: 'Lidé v exekuci' }),
        values: [expect.objectContaining({ date: '2023-12-31', value: '310' }), expect.objectContaining({ date: '2024-12-31', value: '296' })],
      },
    ]);
    const city = await ctx.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}/values?localityId=city`, headers: as(session) });
    expect(city.json().items).toEqual([expect.objectContaining({ value: '10020', localityId: null })]);
    const csv = await ctx.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}/values?format=csv`, headers: as(session) });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('2023-12-31');
    expect(csv.body).toContain('Exekutorská komora');
  });

  it('refuses bad values and another tenant’s indicator', async () => {
    const a = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const id = (await ctx.app.inject({ method: 'POST', url: '/api/v1/indicators', headers: as(a.session), payload: { name: 'Obyvatelé', unit: 'osob' } })).json().id;
    for (const payload of [{ date: '2024-02-30', value: 1 }, { date: '2024-01-01', value: '1e9' }, { date: '2024-01-01', value: 1.5e300 }, { date: '2024-01-01' }]) {
      const response = await ctx.app.inject({ method: 'POST', url: `/api/v1/indicators/${id}/values`, headers: as(a.session), payload });
      expect(response.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(payload)).toBeLessThan(500);
    }
    const b = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const foreign = await ctx.app.inject({ method: 'POST', url: `/api/v1/indicators/${id}/values`, headers: as(b.session), payload: { date: '2024-01-01', value: 1 } });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('indicator tables', () => {
  it('imports values from CSV by locality name, all or nothing, and exports XLSX that imports back', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const locality = await buildLocality(session);
    const id = (await ctx.app.inject({ method: 'POST', url: '/api/v1/indicators', headers: as(session), payload: { name: 'Lůžka na ubytovnách', unit: 'lůžek' } })).json().id;
    const bad = 'date,locality,value,source\n2024-12-31,Sokolská,120,Sčítání\n2024-13-01,,5,\n2024-12-31,Nowhere,5,\n';
    const refused = await upload(ctx.app, session, `/api/v1/indicators/${id}/values/import`, bad, {}, 'values.csv');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('import_has_invalid_rows');
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['rows.1', 'rows.2']);
    const values = () => ctx.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}/values`, headers: as(session) });
    expect((await values()).json().items).toEqual([]);

    const good = 'Date,Locality,Value,Source\n2023-12-31,sokolská,"1 500",Sčítání\n2024-12-31,,"1500,5",Město\n';
    const recorded = await upload(ctx.app, session, `/api/v1/indicators/${id}/values/import`, good, {}, 'values.csv');
    expect(recorded.json()).toEqual({ recorded: 2 });
    expect((await values()).json().items.map((v: { value: string; localityId: string | null }) => [v.localityId, v.value])).toEqual([
      [locality.id, '1500'],
      [null, '1500.5'],
    ]);

    const xlsx = await ctx.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}/values?format=xlsx`, headers: as(session, { 'accept-language': 'hu' }) });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // The workbook, Hungarian headers and all, reads back: edited in a spreadsheet and imported again.
    const again = await upload(ctx.app, session, `/api/v1/indicators/${id}/values/import`, xlsx.rawPayload, {}, 'values.xlsx');
    expect(again.json()).toEqual({ recorded: 2 });
    expect((await values()).json().items.map((v: { value: string }) => v.value)).toEqual(['1500', '1500.5']);
  });
});

describe('offline copy for the field app', () => {
  it('gives an assistant simplified localities and places, and 304 while nothing changed', async () => {
    const coordinator = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    await buildLocality(coordinator.session);
    const assistant = await buildUser(ctx.database.db, coordinator.tenant, { role: 'assistant' });
    const session = await signIn(ctx.app, coordinator.tenant, assistant);
    const first = await ctx.app.inject({ method: 'GET', url: '/api/v1/territory/offline-copy', headers: as(session) });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ localities: [{ name: 'Sokolská', boundary: { type: 'MultiPolygon' } }], places: [] });
    const etag = first.headers.etag as string;
    const again = await ctx.app.inject({ method: 'GET', url: '/api/v1/territory/offline-copy', headers: as(session, { 'if-none-match': etag }) });
    expect(again.statusCode).toBe(304);
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/places',
      headers: as(coordinator.session),
      payload: { name: 'Hřiště', kind: 'park', geometry: { type: 'Point', coordinates: [14.45, 50.05] } },
    });
    const changed = await ctx.app.inject({ method: 'GET', url: '/api/v1/territory/offline-copy', headers: as(session, { 'if-none-match': etag }) });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().places).toHaveLength(1);
  });
});

describe('kinds of locality', () => {
  it('lets the coordinator add and relabel kinds, and use a new kind at once', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const listed = await ctx.app.inject({ method: 'GET', url: '/api/v1/locality-kinds', headers: as(session) });
    expect(listed.json().items.map((kind: { code: string }) => kind.code)).toEqual(['socially_excluded', 'at_risk', 'other_risk']);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/locality-kinds',
      headers: as(session),
      payload: { code: 'hostel_area', labels: { cs: 'Okolí ubytoven', hu: 'Munkásszállók környéke', en: 'Hostel area' }, color: '#0f766e' },
    });
    expect(created.statusCode).toBe(201);
    const duplicate = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/locality-kinds',
      headers: as(session),
      payload: { code: 'hostel_area', labels: { en: 'Again' }, color: '#0f766e' },
    });
    expect(duplicate.statusCode).toBe(400);
    const relabelled = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/locality-kinds/hostel_area', headers: as(session), payload: { labels: { en: 'Hostels' } } });
    expect(relabelled.json().labels).toEqual({ cs: 'Okolí ubytoven', hu: 'Munkásszállók környéke', en: 'Hostels' });
    const locality = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/localities',
      headers: as(session),
      payload: { name: 'U ubytoven', kind: 'hostel_area', boundary: { type: 'Polygon', coordinates: square } },
    });
    expect(locality.statusCode).toBe(201);
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/localities',
      headers: as(session),
      payload: { name: 'X', kind: 'no_such_kind', boundary: { type: 'Polygon', coordinates: square } },
    });
    expect(unknown.statusCode).toBe(400);
  });
});
