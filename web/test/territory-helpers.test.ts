import { describe, expect, test } from 'vitest';
import { formatMonth, listMonths, periodOfMonth, periodOfMonthsEndingAt, shiftMonth } from '../src/features/crime/crime-period';
import { guessProperty, listPropertyNames, NAME_PATTERNS, CODE_PATTERNS } from '../src/features/territory/geojson-properties';
import { crimeLegendSteps, crimeRadius, maxCrimeCount } from '../src/features/territory/map/crime-scale';
import { boundsOf } from '../src/features/territory/map/map-bounds';

describe('crime periods are whole calendar months', () => {
  test('a month runs from its first to its last day, leap years included', () => {
    expect(periodOfMonth('2026-07')).toEqual({ from: '2026-07-01', to: '2026-07-31' });
    expect(periodOfMonth('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  test('a trend window of twelve months crosses the year', () => {
    expect(periodOfMonthsEndingAt('2026-03', 12)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(listMonths('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  test('months are named in the reader\'s language', () => {
    expect(formatMonth('2026-07', 'cs')).toBe('červenec 2026');
    expect(formatMonth('2026-07', 'hu')).toBe('2026. július');
  });
});

describe('the import form offers the property names found in the file', () => {
  const file = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { nazev: 'Santoška', kod: 'P5-1' }, geometry: null },
      { type: 'Feature', properties: { nazev: 'Mrázovka', obvod: 'Smíchov' }, geometry: null },
    ],
  });

  test('lists every property of the features once', () => {
    expect(listPropertyNames(file)).toEqual(['nazev', 'kod', 'obvod']);
  });

  test('says nothing for text that is not a FeatureCollection, so the user types the name', () => {
    expect(listPropertyNames('not json')).toBeNull();
    expect(listPropertyNames('{"type":"Feature"}')).toBeNull();
  });

  test('guesses the name and code properties in Czech, Hungarian and English files', () => {
    expect(guessProperty(['kod', 'nazev'], NAME_PATTERNS)).toBe('nazev');
    expect(guessProperty(['nev', 'azonosito'], NAME_PATTERNS)).toBe('nev');
    expect(guessProperty(['ob', 'kod', 'obv'], NAME_PATTERNS)).toBe('ob');
    expect(guessProperty(['name', 'code'], CODE_PATTERNS)).toBe('code');
    expect(guessProperty(['name'], CODE_PATTERNS)).toBeUndefined();
  });
});

describe('the crime layer and its legend use one scale', () => {
  const cells = {
    type: 'FeatureCollection' as const,
    features: [1, 4, 9].map((count) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [14.4, 50.06] }, properties: { count } })),
  };

  test('circles grow with the count, from the smallest to the largest cell', () => {
    expect(maxCrimeCount(cells)).toBe(9);
    expect(crimeRadius(1, 9)).toBe(5);
    expect(crimeRadius(9, 9)).toBe(22);
    expect(crimeRadius(4, 9)).toBeCloseTo(13.5);
  });

  test('the legend shows one, a middle count and the largest', () => {
    expect(crimeLegendSteps(9)).toEqual([1, 3, 9]);
    expect(crimeLegendSteps(2)).toEqual([1, 2]);
    expect(crimeLegendSteps(1)).toEqual([1]);
  });
});

describe('the map opens on the box around what it shows', () => {
  test('covers every ring of every polygon', () => {
    const bounds = boundsOf([
      { type: 'MultiPolygon', coordinates: [[[[14.39, 50.06], [14.4, 50.06], [14.4, 50.07], [14.39, 50.06]]]] },
      { type: 'Point', coordinates: [14.41, 50.05] },
    ]);
    expect(bounds).toEqual([14.39, 50.05, 14.41, 50.07]);
    expect(boundsOf([])).toBeNull();
  });
});
