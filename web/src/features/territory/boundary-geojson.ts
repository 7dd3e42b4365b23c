import { areaGeometrySchema, type AreaGeometry } from '@saferhood/contracts';
import type { LonLat } from './map/PointPickerMap';
import type { Geometry, Polygon } from 'geojson';

/** The boundary a coordinator drew (null while fewer than three points), or the pasted one when valid. */
export function polygonOf(points: readonly LonLat[]): AreaGeometry | null {
  if (points.length < 3) return null;
  return { type: 'Polygon', coordinates: [[...points, points[0]!].map((point) => [point[0], point[1]])] };
}

/** Reads pasted text as a GeoJSON Polygon or MultiPolygon (bare, or inside a Feature); an error key when it is not. */
export function parseBoundary(text: string): { boundary: AreaGeometry } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'boundary.notJson' };
  }
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Feature') value = (value as { geometry?: unknown }).geometry;
  const parsed = areaGeometrySchema.safeParse(value);
  return parsed.success ? { boundary: parsed.data } : { error: 'boundary.notPolygon' };
}

/** The first Polygon or MultiPolygon in a GeoJSON text: a bare geometry, a Feature or a FeatureCollection. */
export function firstAreaOf(text: string): AreaGeometry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const candidates: unknown[] = [];
  if (value && typeof value === 'object') {
    const object = value as { type?: unknown; features?: unknown; geometry?: unknown };
    if (object.type === 'FeatureCollection' && Array.isArray(object.features)) {
      for (const feature of object.features as unknown[]) candidates.push((feature as { geometry?: unknown } | null)?.geometry);
    } else if (object.type === 'Feature') candidates.push(object.geometry);
    else candidates.push(value);
  }
  for (const candidate of candidates) {
    const parsed = areaGeometrySchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** The boundary as one Polygon without holes — the shape whose corners can be dragged — or null when it is not one. */
export function singlePolygonOf(boundary: Geometry | null | undefined): Polygon | null {
  if (boundary?.type === 'Polygon' && boundary.coordinates.length === 1) return boundary;
  if (boundary?.type === 'MultiPolygon' && boundary.coordinates.length === 1 && boundary.coordinates[0]!.length === 1) {
    return { type: 'Polygon', coordinates: boundary.coordinates[0]! };
  }
  return null;
}

/** A polygon whose corners were dragged, checked with the API's schema (at least three distinct corners, closed). */
export function areaOf(polygon: Polygon): AreaGeometry | null {
  const parsed = areaGeometrySchema.safeParse(polygon);
  return parsed.success ? parsed.data : null;
}
