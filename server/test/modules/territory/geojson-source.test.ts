import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFeatureCollection, passOverFeatures, type SourceFeature } from '../../../src/modules/territory/geojson-source';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'saferhood-geojson-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

let files = 0;
async function fileOf(text: string): Promise<string> {
  const path = join(scratch, `f${files++}.geojson`);
  await writeFile(path, text);
  return path;
}

const point = (i: number) => ({ type: 'Feature', properties: { name: `P${i}` }, geometry: { type: 'Point', coordinates: [14 + i / 1000, 50] } });

async function readAll(path: string, limits = { features: 3, bytes: 1_000_000 }) {
  const source = await openFeatureCollection(path, limits);
  const batches: SourceFeature[][] = [];
  for await (const batch of source.batches()) batches.push(batch);
  return { source, batches };
}

describe('reading a GeoJSON FeatureCollection as a stream', () => {
  it('hands on the features in batches, numbered as in the file, with their geometry as text', async () => {
    const path = await fileOf(JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 7 }, (_, i) => point(i)) }));
    const { source, batches } = await readAll(path);
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(source.total).toBe(7);
    expect(batches.flat()[5]).toEqual({ index: 5, properties: { name: 'P5' }, geometry: '{"type":"Point","coordinates":[14.005,50]}' });
  });

  it('ends a batch early when its geometry text reaches the byte limit', async () => {
    const path = await fileOf(JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 4 }, (_, i) => point(i)) }));
    const { batches } = await readAll(path, { features: 200, bytes: 60 });
    expect(batches.map((batch) => batch.length)).toEqual([2, 2]);
  });

  it('reads the crs before the features, skips other members whole, and reads a crs after them at the end', async () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::5514' } };
    const before = await readAll(await fileOf(JSON.stringify({ type: 'FeatureCollection', crs, bbox: [1, 2, 3, 4], extra: { deep: [[{}]] }, features: [point(1)] })));
    expect(before.source.crs).toEqual(crs);
    expect(before.source.lateCrs).toBeUndefined();
    expect(before.batches.flat()).toHaveLength(1);

    const late = await fileOf(JSON.stringify({ features: [point(1)], crs, type: 'FeatureCollection' }));
    const after = await readAll(late);
    expect(after.source.crs).toBeUndefined();
    expect(after.source.lateCrs).toEqual(crs);
    // The pass runs again in the projection the late crs names.
    const sridsSeen: number[] = [];
    const { srid } = await passOverFeatures(late, undefined, async (source, srid) => {
      sridsSeen.push(srid);
      for await (const batch of source.batches()) void batch;
    });
    expect([srid, sridsSeen]).toEqual([5514, [4326, 5514]]);
  });

  it('skips a byte-order mark', async () => {
    const { batches } = await readAll(await fileOf(`\uFEFF${JSON.stringify({ type: 'FeatureCollection', features: [point(1)] })}`));
    expect(batches.flat()).toHaveLength(1);
  });

  it('refuses what is not a FeatureCollection as import_unreadable, wherever in the file it shows', async () => {
    const many = Array.from({ length: 5 }, (_, i) => point(i));
    for (const text of [
      'not json',
      '[1, 2, 3]',
      '{"type": "Feature"}',
      JSON.stringify({ type: 'FeatureCollection', features: 'none' }),
      JSON.stringify({ type: 'FeatureCollection' }),
      JSON.stringify({ features: many }),
      JSON.stringify({ type: 'FeatureCollection', features: [...many, { type: 'Feature' }] }),
      JSON.stringify({ type: 'FeatureCollection', features: [...many, 42] }),
      `${JSON.stringify({ type: 'FeatureCollection', features: many }).slice(0, -20)}`,
      `${JSON.stringify({ type: 'FeatureCollection', features: many })} trailing`,
    ]) {
      await expect(readAll(await fileOf(text)), text.slice(0, 60)).rejects.toMatchObject({ code: 'import_unreadable' });
    }
  });
});
