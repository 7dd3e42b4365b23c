import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { areaOf, firstAreaOf, parseBoundary, polygonOf, singlePolygonOf } from '../src/features/territory/boundary-geojson';

const SQUARE = { type: 'Polygon', coordinates: [[[14.4, 50.06], [14.41, 50.06], [14.41, 50.07], [14.4, 50.07], [14.4, 50.06]]] };

describe('a boundary drawn, pasted or uploaded', () => {
  test('drawn points close into a polygon once there are three', () => {
    expect(polygonOf([[14.4, 50.06], [14.41, 50.06]])).toBeNull();
    expect(polygonOf([[14.4, 50.06], [14.41, 50.06], [14.41, 50.07]])).toEqual({
      type: 'Polygon',
      coordinates: [[[14.4, 50.06], [14.41, 50.06], [14.41, 50.07], [14.4, 50.06]]],
    });
  });

  test('pasted text must be a GeoJSON Polygon or MultiPolygon, bare or in a Feature', () => {
    expect(parseBoundary('{ not json')).toEqual({ error: 'boundary.notJson' });
    expect(parseBoundary('{"type":"Point","coordinates":[14.4,50.06]}')).toEqual({ error: 'boundary.notPolygon' });
    expect(parseBoundary(JSON.stringify(SQUARE))).toEqual({ boundary: SQUARE });
    expect(parseBoundary(JSON.stringify({ type: 'Feature', properties: {}, geometry: SQUARE }))).toEqual({ boundary: SQUARE });
  });

  test('an uploaded file gives its first area, skipping points and lines', () => {
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [14.4, 50.06] } },
        { type: 'Feature', properties: {}, geometry: SQUARE },
      ],
    };
    expect(firstAreaOf(JSON.stringify(file))).toEqual(SQUARE);
    expect(firstAreaOf(JSON.stringify({ type: 'FeatureCollection', features: [] }))).toBeNull();
    expect(firstAreaOf('nonsense')).toBeNull();
  });

  test('only a single polygon without holes has corners to drag', () => {
    const polygon = SQUARE as Polygon;
    expect(singlePolygonOf(polygon)).toEqual(polygon);
    expect(singlePolygonOf({ type: 'MultiPolygon', coordinates: [polygon.coordinates] })).toEqual(polygon);
    expect(singlePolygonOf({ type: 'MultiPolygon', coordinates: [polygon.coordinates, polygon.coordinates] })).toBeNull();
    expect(singlePolygonOf({ type: 'Polygon', coordinates: [polygon.coordinates[0]!, polygon.coordinates[0]!] })).toBeNull();
    expect(singlePolygonOf(null)).toBeNull();
  });

  test('dragged corners are checked with the API schema', () => {
    expect(areaOf(SQUARE as Polygon)).toEqual(SQUARE);
    expect(areaOf({ type: 'Polygon', coordinates: [[[14.4, 50.06], [14.41, 50.06], [14.4, 50.06]]] })).toBeNull();
  });
});
