import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildSignedIn } from '../../support/factories';
import { upload } from '../../support/multipart';
import { snapshotTenants } from '../../support/snapshot';
import { createTestContext, type TestContext } from '../../support/test-app';

/** Imports read the file as a stream in batches of 200 features: what spans batches must still add up. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });

describe('streaming GeoJSON imports', () => {
  it('checks codes, invalid features and matches across batches, and commits only what the preview planned', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    // 260 points: two batches. P5 comes again in the second batch; feature 210 is garbage.
    const features = Array.from({ length: 260 }, (_, i) => feature({ name: `Stop ${i}`, code: `P${i}` }, point(14.4 + i / 10_000, 50.05)));
    features[230] = feature({ name: 'Stop 5 again', code: 'P5' }, point(14.41, 50.05));
    features[210] = feature({ name: 'Garbage' }, { type: 'Point', coordinates: 'x' });
    const file = JSON.stringify({ type: 'FeatureCollection', features });
    const fields = { nameProperty: 'name', codeProperty: 'code' };
    const send = (extra: Record<string, string> = {}) => upload(ctx.app, session, '/api/v1/places/import', file, { ...fields, ...extra }, 'stops.geojson');

    const before = await snapshotTenants(ctx.database.db, [tenant.id]);
    const preview = (await send()).json();
    expect(preview).toMatchObject({ dryRun: true, total: 260, created: 258, updated: 0 });
    expect(preview.invalid.map((issue: { index: number; code: string }) => [issue.index, issue.code])).toEqual([
      [210, 'geometry_unreadable'],
      [230, 'duplicate_code'],
    ]);
    expect((await send({ dryRun: 'false' })).json()).toMatchObject({ code: 'import_has_invalid_features' });
    expect(await snapshotTenants(ctx.database.db, [tenant.id])).toBe(before);

    const commit = (await send({ dryRun: 'false', skipInvalid: 'true' })).json();
    expect(commit).toMatchObject({ created: 258, updated: 0 });
    expect(commit.features.map((planned: { index: number }) => planned.index)).toEqual(preview.features.map((planned: { index: number }) => planned.index));
    const places = (await ctx.app.inject({ method: 'GET', url: '/api/v1/places', headers: as(session) })).json().items;
    expect(places).toHaveLength(258);
    expect(places.find((place: { externalCode: string }) => place.externalCode === 'P5').name).toBe('Stop 5');

    const again = (await send({ dryRun: 'false', skipInvalid: 'true' })).json();
    expect(again).toMatchObject({ created: 0, updated: 258 });
  });

  it('reads a crs written after the features and imports in its projection', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [feature({ name: 'Staroměstské náměstí' }, point(-743083, -1043108))],
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::5514' } },
    });
    const commit = await upload(ctx.app, session, '/api/v1/places/import', file, { nameProperty: 'name', dryRun: 'false' }, 'late-crs.geojson');
    expect(commit.json()).toMatchObject({ created: 1, invalid: [] });
    const [place] = (await ctx.app.inject({ method: 'GET', url: '/api/v1/places', headers: as(session) })).json().items;
    expect(place.geometry.coordinates[0]).toBeCloseTo(14.42, 2);
    expect(place.geometry.coordinates[1]).toBeCloseTo(50.087, 2);
  });
});
