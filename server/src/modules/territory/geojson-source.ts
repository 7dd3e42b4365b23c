import { featureCollectionSchema } from '@saferhood/contracts';
import { AppError } from '../../http/app-error';

/** Reading an uploaded GeoJSON FeatureCollection: shared by the imports of localities and places. */

export function parseFeatureCollection(file: Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(file.toString('utf8'));
  } catch {
    throw new AppError('import_unreadable');
  }
  const parsed = featureCollectionSchema.safeParse(json);
  if (!parsed.success) throw new AppError('import_unreadable');
  return { ...parsed.data, crs: (json as { crs?: unknown }).crs };
}

/** EPSG code from a GeoJSON 2008 `crs` member: "EPSG:5514", "urn:ogc:def:crs:EPSG::5514", CRS84. */
export function sridOf(crs: unknown): 4326 | 5514 | undefined {
  const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string') return undefined;
  if (/(EPSG:+|EPSG\/0\/)5514$/i.test(name) || /(EPSG:+)(2065|102067)$/i.test(name)) return 5514;
  if (/CRS84$|EPSG:+4326$/i.test(name)) return 4326;
  return undefined;
}

export function textOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().slice(0, 200);
  return trimmed.length > 0 ? trimmed : null;
}
