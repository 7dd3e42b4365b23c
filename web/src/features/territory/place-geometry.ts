import { placeGeometrySchema, type PlaceGeometry } from '@saferhood/contracts';
import type { LonLat } from './map/PointPickerMap';

export type LineGeometry = Extract<PlaceGeometry, { type: 'LineString' | 'MultiLineString' }>;

/** The line a person drew (null while it has fewer than two points). */
export function lineOf(points: readonly LonLat[]): LineGeometry | null {
  if (points.length < 2) return null;
  return { type: 'LineString', coordinates: points.map((point) => [point[0], point[1]]) };
}

/** A line's vertices for the drawing map; a MultiLineString (imported) has no single one to draw. */
export function verticesOf(geometry: PlaceGeometry | null | undefined): LonLat[] {
  if (geometry?.type !== 'LineString') return [];
  return geometry.coordinates.map((position) => [position[0], position[1]]);
}

/** One vertex per line, "longitude, latitude" — what the coordinates field shows and reads. */
export function formatVertices(points: readonly LonLat[]): string {
  return points.map(([lon, lat]) => `${lon}, ${lat}`).join('\n');
}

export type LineParse = { line: LineGeometry } | { error: 'notLine' | 'tooFewPoints' | 'badRow' | 'outOfRange'; row?: number };

function parseNumber(text: string): number | null {
  if (!/^[-+]?\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

/** "14.41, 50.06", "14.41 50.06", "14.41;50.06" or with decimal commas "14,41 50,06". */
function parseRow(row: string): LonLat | null {
  const trimmed = row.trim();
  const candidates = [trimmed.split(/\s*[;,]\s*|\s+/), trimmed.split(/\s*;\s*|\s+/)];
  for (const parts of candidates) {
    if (parts.length !== 2) continue;
    const [lon, lat] = parts.map(parseNumber);
    if (lon != null && lat != null) return [lon, lat];
  }
  return null;
}

/**
 * Reads what a keyboard user typed or pasted as a line: a GeoJSON LineString or MultiLineString (bare or
 * in a Feature), or one "longitude, latitude" pair per row.
 */
export function parseLine(text: string): LineParse {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return { error: 'notLine' };
    }
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Feature') value = (value as { geometry?: unknown }).geometry;
    const parsed = placeGeometrySchema.safeParse(value);
    if (!parsed.success || parsed.data.type === 'Point') return { error: 'notLine' };
    return { line: parsed.data };
  }
  const rows = trimmed.split(/\r?\n/);
  const points: LonLat[] = [];
  for (const [index, row] of rows.entries()) {
    if (!row.trim()) continue;
    const point = parseRow(row);
    if (!point) return { error: 'badRow', row: index + 1 };
    if (Math.abs(point[0]) > 180 || Math.abs(point[1]) > 90) return { error: 'outOfRange', row: index + 1 };
    points.push(point);
  }
  const line = lineOf(points);
  return line ? { line } : { error: 'tooFewPoints' };
}
