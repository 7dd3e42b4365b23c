import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/scope';
import { findLocalityAt } from '../../../src/modules/territory/index';
import { as, buildSignedIn, type Session } from '../../support/factories';
import { sharedDataPath } from '../../support/shared-data';
import { snapshotTenants } from '../../support/snapshot';
import { upload } from '../../support/multipart';
import { createTestContext, type TestContext } from '../../support/test-app';

const PRAGUE = readFileSync(sharedDataPath('boundaries/praha-districts.geojson'));

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const importFile = (session: Session, file: Buffer | string, fields: Record<string, string>, filename = 'areas.geojson') =>
  upload(ctx.app, session, '/api/v1/localities/import', file, fields, filename);

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('locality import', () => {
  it('previews the Prague districts without writing, then commits them, repairing the one that self-intersects', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const before = await snapshotTenants(ctx.database.db, [tenant.id]);
    const preview = await importFile(session, PRAGUE, { nameProperty: 'ob', codeProperty: 'kod' }, 'praha.geojson');
    expect(preview.statusCode).toBe(200);
    // The simplified real boundary of one district crosses itself: reported with where.
    expect(preview.json()).toMatchObject({ dryRun: true, total: 22, created: 21, updated: 0 });
    expect(preview.json().invalid).toEqual([
      { index: 4, code: 'invalid_geometry', reason: expect.stringMatching(/^The feature’s boundary is not valid \(the boundary crosses itself at 14\.3\d{4} 50\.\d{5}\)\.$/) },
    ]);
    expect(await snapshotTenants(ctx.database.db, [tenant.id])).toBe(before);

    const commit = await importFile(session, PRAGUE, { nameProperty: 'ob', codeProperty: 'kod', dryRun: 'false', repair: 'true' });
    expect(commit.json()).toMatchObject({ dryRun: false, created: 22, updated: 0, repaired: 1, invalid: [] });
    const again = await importFile(session, PRAGUE, { nameProperty: 'ob', codeProperty: 'kod', dryRun: 'false', repair: 'true' });
    expect(again.json()).toMatchObject({ created: 0, updated: 22 });
    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/localities', headers: as(session) });
    expect(list.json().items).toHaveLength(22);
    expect(list.json().items.map((l: { name: string }) => l.name)).toContain('Praha 1');
  });

  it('finds the locality containing a point, on its boundary and not in its hole', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const donut = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Donut', code: 'D' },
          geometry: { type: 'MultiPolygon', coordinates: [[square(14, 50, 0.1), square(14.04, 50.04, 0.02).reverse()], [square(14.5, 50, 0.05)]] },
        },
      ],
    };
    const commit = await importFile(session, JSON.stringify(donut), { nameProperty: 'name', codeProperty: 'code', dryRun: 'false' });
    expect(commit.json()).toMatchObject({ created: 1, invalid: [] });
    const at = (lon: number, lat: number) => withTenant(ctx.database.db, tenant.id, (tx) => findLocalityAt(tx, { lon, lat }));
    const id = await at(14.01, 50.01);
    expect(id).toBeTruthy();
    expect(await at(14.05, 50.05)).toBeNull(); // in the hole
    expect(await at(14.1, 50.05)).toBe(id); // on the outer boundary
    expect(await at(14.52, 50.02)).toBe(id); // in the second part
    expect(await at(15, 51)).toBeNull();
    const api = await ctx.app.inject({ method: 'GET', url: '/api/v1/localities/at?lon=14.01&lat=50.01', headers: as(session) });
    expect(api.json()).toMatchObject({ id, name: 'Donut', boundary: { type: 'MultiPolygon' } });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/localities/at?lon=15&lat=51', headers: as(session) })).statusCode).toBe(404);
  });

  it('reads S-JTSK (EPSG:5514) from the crs member and stores WGS84', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    // Around Prague's Old Town in S-JTSK metres.
    const ring = [[-743500, -1043500], [-742500, -1043500], [-742500, -1042500], [-743500, -1042500], [-743500, -1043500]];
    const file = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::5514' } },
      features: [{ type: 'Feature', properties: { nazev: 'Staré Město' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    expect((await importFile(session, JSON.stringify(file), { nameProperty: 'nazev', dryRun: 'false' })).json()).toMatchObject({ created: 1 });
    const id = await withTenant(ctx.database.db, tenant.id, (tx) => findLocalityAt(tx, { lon: 14.4187, lat: 50.0874 }));
    expect(id).toBeTruthy();
  });

  it('reports invalid features by number and reason, and refuses to commit them (nothing written)', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Good' }, geometry: { type: 'Polygon', coordinates: [square(14, 50, 0.1)] } },
        { type: 'Feature', properties: { name: 'Bow-tie' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } },
        { type: 'Feature', properties: { name: 'A point' }, geometry: { type: 'Point', coordinates: [14, 50] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(15, 50, 0.1)] } },
        { type: 'Feature', properties: { name: 'Garbage' }, geometry: { type: 'Polygon', coordinates: 'x' } },
      ],
    };
    const before = await snapshotTenants(ctx.database.db, [tenant.id]);
    const preview = await importFile(session, JSON.stringify(file), { nameProperty: 'name' }, 'mixed.geojson');
    expect(preview.json().invalid.map((issue: { index: number; code: string }) => [issue.index, issue.code])).toEqual([
      [1, 'invalid_geometry'],
      [2, 'not_an_area'],
      [3, 'missing_name'],
      [4, 'geometry_unreadable'],
    ]);
    const commit = await importFile(session, JSON.stringify(file), { nameProperty: 'name', dryRun: 'false' });
    expect(commit.statusCode).toBe(422);
    expect(commit.json()).toMatchObject({ code: 'import_has_invalid_features' });
    expect(commit.json().errors).toHaveLength(4);
    expect(await snapshotTenants(ctx.database.db, [tenant.id])).toBe(before);

    const repaired = await importFile(session, JSON.stringify(file), { nameProperty: 'name', dryRun: 'false', repair: 'true', skipInvalid: 'true' });
    expect(repaired.json()).toMatchObject({ created: 2, repaired: 1 });
  });

  it('answers files that are not JSON or not GeoJSON with 422 and writes nothing', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const before = await snapshotTenants(ctx.database.db, [tenant.id]);
    for (const file of ['this is not json', '{"type": "Feature"}', '[1, 2, 3]', JSON.stringify({ type: 'FeatureCollection', features: 'none' })]) {
      const response = await importFile(session, file, { nameProperty: 'name', dryRun: 'false' });
      expect(response.statusCode, file).toBe(422);
      expect(response.json().code).toBe('import_unreadable');
    }
    expect(await snapshotTenants(ctx.database.db, [tenant.id])).toBe(before);
  });

  it('accepts a large file of many-vertex polygons and refuses one over the upload limit', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const circle = (cx: number, cy: number, vertices: number) => {
      const ring = Array.from({ length: vertices }, (_, i) => [cx + 0.01 * Math.cos((2 * Math.PI * i) / vertices), cy + 0.01 * Math.sin((2 * Math.PI * i) / vertices)]);
      return [...ring, ring[0]];
    };
    const features = Array.from({ length: 40 }, (_, i) => ({
      type: 'Feature',
      properties: { name: `Area ${i}`, code: `A${i}` },
      geometry: { type: 'Polygon', coordinates: [circle(14 + (i % 8) * 0.03, 50 + Math.floor(i / 8) * 0.03, 5000)] },
    }));
    const large = JSON.stringify({ type: 'FeatureCollection', features });
    expect(large.length).toBeGreaterThan(5_000_000);
    const preview = await importFile(session, large, { nameProperty: 'name', codeProperty: 'code' });
    expect(preview.json()).toMatchObject({ total: 40, created: 40, invalid: [] });
    const tooLarge = await importFile(session, Buffer.alloc(101 * 1024 * 1024, 32), { nameProperty: 'name' });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('payload_too_large');
  });

  it('lets only the coordinator import; the evaluator reads', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'evaluator');
    expect((await importFile(session, PRAGUE, { nameProperty: 'ob' })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/localities', headers: as(session) })).statusCode).toBe(200);
  });
});
