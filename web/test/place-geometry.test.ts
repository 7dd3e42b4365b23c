import { describe, expect, test } from 'vitest';
import { crimeTypeRows } from '../src/features/crime/crime-type-rows';
import { isKindCode, isKindColor } from '../src/features/territory/locality-kind-rules';
import { padBounds } from '../src/features/territory/map/map-bounds';
import { formatVertices, lineOf, parseLine, verticesOf } from '../src/features/territory/place-geometry';

describe('a line place is drawn or typed', () => {
  test('two drawn points make a LineString; one does not', () => {
    expect(lineOf([[14.4, 50.06]])).toBeNull();
    expect(lineOf([[14.4, 50.06], [14.41, 50.07]])).toEqual({ type: 'LineString', coordinates: [[14.4, 50.06], [14.41, 50.07]] });
  });

  test('typed rows read with commas, spaces, semicolons or decimal commas', () => {
    const expected = { line: { type: 'LineString', coordinates: [[14.41, 50.06], [14.42, 50.07], [14.43, 50.08], [14.44, 50.09]] } };
    expect(parseLine('14.41, 50.06\n14.42 50.07\n\n14.43;50.08\n14,44 50,09\n')).toEqual(expected);
  });

  test('names the first row that is not a pair of coordinates, or that lies off the globe', () => {
    expect(parseLine('14.41, 50.06\nSmíchov')).toEqual({ error: 'badRow', row: 2 });
    expect(parseLine('14.41, 50.06\n14.42, 95')).toEqual({ error: 'outOfRange', row: 2 });
    expect(parseLine('14.41, 50.06')).toEqual({ error: 'tooFewPoints' });
  });

  test('pasted GeoJSON: a LineString or MultiLineString, bare or in a Feature; a Point or broken JSON is refused', () => {
    const line = { type: 'LineString', coordinates: [[14.41, 50.06], [14.42, 50.07]] };
    expect(parseLine(JSON.stringify(line))).toEqual({ line });
    expect(parseLine(JSON.stringify({ type: 'Feature', properties: {}, geometry: line }))).toEqual({ line });
    const multi = { type: 'MultiLineString', coordinates: [line.coordinates, [[14.5, 50.1], [14.51, 50.11]]] };
    expect(parseLine(JSON.stringify(multi))).toEqual({ line: multi });
    expect(parseLine('{"type":"Point","coordinates":[14.4,50.06]}')).toEqual({ error: 'notLine' });
    expect(parseLine('{"type":')).toEqual({ error: 'notLine' });
  });

  test('an existing line shows as rows the parser reads back', () => {
    const line = { type: 'LineString' as const, coordinates: [[14.41, 50.06], [14.42, 50.07]] as [number, number][] };
    expect(parseLine(formatVertices(verticesOf(line)))).toEqual({ line });
    expect(verticesOf({ type: 'Point', coordinates: [14.4, 50.06] })).toEqual([]);
  });
});

describe('a place opens with its surroundings', () => {
  test('a point gets a box around it', () => {
    const padded = padBounds([14.4, 50.06, 14.4, 50.06], 0.01)!;
    [14.39, 50.05, 14.41, 50.07].forEach((value, index) => expect(padded[index]).toBeCloseTo(value, 9));
    expect(padBounds(null, 0.01)).toBeNull();
  });
});

describe('a kind of locality follows the API’s rules before it is sent', () => {
  test('codes are lower-case ASCII words starting with a letter', () => {
    expect(isKindCode('hostel_area')).toBe(true);
    expect(isKindCode('Ubytovny')).toBe(false);
    expect(isKindCode('1st')).toBe(false);
    expect(isKindCode('ubytovny_č')).toBe(false);
  });

  test('colours are #rrggbb in lower case', () => {
    expect(isKindColor('#1864ab')).toBe(true);
    expect(isKindColor('#1864AB')).toBe(false);
    expect(isKindColor('#18a')).toBe(false);
  });
});

describe('crime by type', () => {
  const types = [
    { code: 35, topClass: 35, level: 1, name: 'Krádeže prosté' },
    { code: 36, topClass: 35, level: 2, name: 'Krádeže prosté' },
    { code: 37, topClass: 35, level: 2, name: 'Krádeže prosté' },
    { code: 40, topClass: 35, level: 2, name: 'Krádeže jízdních kol' },
  ];

  test('names each type from the code list, largest first; an unknown code shows as itself', () => {
    const rows = crimeTypeRows({ rows: [{ type: 40, count: 5 }, { type: 999, count: 1 }, { type: 41, count: 0 }] }, types);
    expect(rows).toEqual([
      { code: 40, name: 'Krádeže jízdních kol', topClass: 35, count: 5, isAmbiguous: false },
      { code: 999, name: '999', topClass: null, count: 1, isAmbiguous: false },
    ]);
  });

  test('names a type by its offence where the code list describes it', () => {
    const described = [{ code: 42, topClass: 35, level: 2, name: 'Krádeže', description: 'Krádeže jízdních kol' }];
    expect(crimeTypeRows({ rows: [{ type: 42, count: 4 }] }, described)[0]).toMatchObject({ name: 'Krádeže jízdních kol', isAmbiguous: false });
  });

  test('leaves out the classes themselves and marks types the code list gives the same name', () => {
    const rows = crimeTypeRows({ rows: [{ type: 35, count: 9 }, { type: 36, count: 2 }, { type: 37, count: 3 }] }, types);
    expect(rows.map((row) => [row.code, row.isAmbiguous])).toEqual([[37, true], [36, true]]);
  });
});
