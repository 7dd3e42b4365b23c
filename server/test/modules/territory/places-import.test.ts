import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildSignedIn, type Session } from '../../support/factories';
import { upload } from '../../support/multipart';
import { snapshotTenants } from '../../support/snapshot';
import { createTestContext, type TestContext } from '../../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const importPlaces = (session: Session, file: unknown, fields: Record<string, string>) =>
  upload(ctx.app, session, '/api/v1/places/import', typeof file === 'string' ? file : JSON.stringify(file), fields, 'places.geojson');

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });

describe('places import', () => {
  it('previews, commits points and lines in their localities, and updates on re-import by code', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const locality = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/localities',
      headers: as(session),
      payload: { name: 'Sokolská', kind: 'socially_excluded', boundary: { type: 'Polygon', coordinates: [[[14.4, 50], [14.5, 50], [14.5, 50.1], [14.4, 50.1], [14.4, 50]]] } },
    });
    const file = {
      type: 'FeatureCollection',
      features: [
        feature({ nazev: 'Přechod u ZŠ Kořenského', kod: 'P1', druh: 'school_crossing' }, point(14.45, 50.05)),
        feature({ nazev: 'Cyklostezka Vltava', kod: 'C1', druh: 'bike_path' }, { type: 'LineString', coordinates: [[14.3, 50.02], [14.35, 50.03]] }),
        feature({ nazev: 'Úřad', kod: 'U1' }, point(14.46, 50.06)),
      ],
    };
    const before = await snapshotTenants(ctx.database.db, [tenant.id]);
    const preview = await importPlaces(session, file, { nameProperty: 'nazev', codeProperty: 'kod', kindProperty: 'druh', kind: 'public_office' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, total: 3, created: 3, updated: 0, invalid: [] });
    expect(await snapshotTenants(ctx.database.db, [tenant.id])).toBe(before);

    const commit = await importPlaces(session, file, { nameProperty: 'nazev', codeProperty: 'kod', kindProperty: 'druh', kind: 'public_office', dryRun: 'false' });
    expect(commit.json()).toMatchObject({ dryRun: false, created: 3, updated: 0 });
    const places = (await ctx.app.inject({ method: 'GET', url: '/api/v1/places', headers: as(session) })).json().items;
    expect(places.map((place: { name: string; kind: string; externalCode: string; localityId: string | null }) => [place.name, place.kind, place.externalCode, place.localityId])).toEqual([
      ['Cyklostezka Vltava', 'bike_path', 'C1', null],
      ['Přechod u ZŠ Kořenského', 'school_crossing', 'P1', locality.json().id],
      ['Úřad', 'public_office', 'U1', locality.json().id],
    ]);

    file.features[0]!.properties.nazev = 'Přechod u ZŠ (nový)';
    const again = await importPlaces(session, file, { nameProperty: 'nazev', codeProperty: 'kod', kindProperty: 'druh', dryRun: 'false' });
    expect(again.json()).toMatchObject({ created: 0, updated: 3 });
    const renamed = (await ctx.app.inject({ method: 'GET', url: '/api/v1/places', headers: as(session) })).json().items;
    expect(renamed).toHaveLength(3);
    expect(renamed.find((place: { externalCode: string }) => place.externalCode === 'P1')).toMatchObject({ name: 'Přechod u ZŠ (nový)', version: 2 });
  });

  it('reads S-JTSK points from the crs member and stores WGS84', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const file = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::5514' } },
      // Prague's Old Town Square in S-JTSK / Křovák East North.
      features: [feature({ name: 'Staroměstské náměstí' }, point(-743083, -1043108))],
    };
    expect((await importPlaces(session, file, { nameProperty: 'name', dryRun: 'false' })).json()).toMatchObject({ created: 1 });
    const [place] = (await ctx.app.inject({ method: 'GET', url: '/api/v1/places', headers: as(session) })).json().items;
    expect(place.kind).toBe('other');
    expect(place.geometry.coordinates[0]).toBeCloseTo(14.42, 2);
    expect(place.geometry.coordinates[1]).toBeCloseTo(50.087, 2);
  });

  it('reports invalid features by number and translated reason and refuses to commit them, writing nothing', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const file = {
      type: 'FeatureCollection',
      features: [
        feature({ name: 'Good' }, point(14.4, 50.0)),
        feature({ name: 'An area' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }),
        feature({}, point(14.4, 50.0)),
        feature({ name: 'Garbage' }, { type: 'Point', coordinates: 'x' }),
        feature({ name: 'Odd kind', kind: 'castle' }, point(14.4, 50.0)),
        feature({ name: 'Twice', code: 'A' }, point(14.4, 50.0)),
        feature({ name: 'Twice again', code: 'A' }, point(14.4, 50.0)),
      ],
    };
    const before = await snapshotTenants(ctx.database.db, [tenant.id]);
    const fields = { nameProperty: 'name', codeProperty: 'code', kindProperty: 'kind' };
    const preview = await importPlaces(session, file, fields);
    expect(preview.json().invalid.map((issue: { index: number; code: string }) => [issue.index, issue.code])).toEqual([
      [1, 'not_a_place'],
      [2, 'missing_name'],
      [3, 'geometry_unreadable'],
      [4, 'unknown_place_kind'],
      [6, 'duplicate_code'],
    ]);
    expect(preview.json().invalid[0].reason).toBe('The feature is not a point or a line (Point, LineString, MultiLineString) but POLYGON.');
    const commit = await importPlaces(session, file, { ...fields, dryRun: 'false' });
    expect(commit.statusCode).toBe(422);
    expect(commit.json()).toMatchObject({ code: 'import_has_invalid_features' });
    expect(commit.json().errors).toHaveLength(5);
    for (const bad of ['not json', '{"type":"Feature"}']) {
      expect((await importPlaces(session, bad, { ...fields, dryRun: 'false' })).json().code).toBe('import_unreadable');
    }
    expect(await snapshotTenants(ctx.database.db, [tenant.id])).toBe(before);

    const skipped = await importPlaces(session, file, { ...fields, dryRun: 'false', skipInvalid: 'true' });
    expect(skipped.json()).toMatchObject({ created: 2 });
  });

  it('counts places outside the city’s area as invalid', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const area = { type: 'Polygon', coordinates: [[[14.4, 50], [14.5, 50], [14.5, 50.1], [14.4, 50.1], [14.4, 50]]] };
    expect((await ctx.app.inject({ method: 'PUT', url: '/api/v1/city-area', headers: as(session), payload: { boundary: area } })).statusCode).toBe(200);
    const file = { type: 'FeatureCollection', features: [feature({ name: 'In' }, point(14.45, 50.05)), feature({ name: 'Out' }, point(16.6, 49.2))] };
    const preview = await importPlaces(session, file, { nameProperty: 'name' });
    expect(preview.json().invalid).toEqual([expect.objectContaining({ index: 1, code: 'outside_city' })]);
  });

  it('lets only the coordinator import places, and lists archived places on request', async () => {
    const mentor = await buildSignedIn(ctx.app, ctx.database.db, 'supervisor');
    const file = { type: 'FeatureCollection', features: [feature({ name: 'Zastávka' }, point(14.45, 50.05))] };
    expect((await importPlaces(mentor.session, file, { nameProperty: 'name' })).statusCode).toBe(403);

    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/places',
      headers: as(mentor.session),
      payload: { name: 'Zastávka', kind: 'transport_hub', geometry: point(14.45, 50.05) },
    });
    const archived = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/places/${created.json().id}`,
      headers: as(mentor.session),
      payload: { status: 'archived', version: 1 },
    });
    expect(archived.json()).toMatchObject({ status: 'archived', version: 2 });
    const list = (status: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/places?status=${status}`, headers: as(mentor.session) }).then((r) => r.json().items.length);
    expect([await list('active'), await list('archived'), await list('all')]).toEqual([0, 1, 1]);
  });
});
