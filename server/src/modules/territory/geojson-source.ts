import { featureCollectionSchema, type FieldErrorCode } from '@saferhood/contracts';
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

/** A feature that passed its checks, matched (or not) to an existing row by its code. */
export interface PlannedFeature<Match> {
  index: number;
  name: string;
  code: string | null;
  match: Match | undefined;
  action: 'create' | 'update';
}

/** Matches accepted features to existing rows on their code: those found are updated, the rest created. */
export function planFeatures<Feature extends { index: number; name: string | null; code: string | null }, Match>(
  accepted: Feature[],
  existing: Map<string, Match>,
): (Omit<Feature, 'name'> & PlannedFeature<Match>)[] {
  return accepted.map((feature) => {
    const match = feature.code ? existing.get(feature.code) : undefined;
    return { ...feature, name: feature.name!, match, action: match ? ('update' as const) : ('create' as const) };
  });
}

/** The preview's counts and list; on a commit, any invalid feature refuses all unless skipping was asked for. */
export function summariseImport(
  planned: PlannedFeature<unknown>[],
  invalid: { index: number; code: FieldErrorCode; params?: Record<string, unknown> }[],
  options: { dryRun: boolean; skipInvalid: boolean; total: number },
) {
  if (!options.dryRun && invalid.length > 0 && !options.skipInvalid) {
    throw new AppError('import_has_invalid_features', {
      fields: invalid.map(({ index, code, params }) => ({ field: `features.${index}`, code, ...(params ? { params } : {}) })),
    });
  }
  return {
    dryRun: options.dryRun,
    total: options.total,
    created: planned.filter((feature) => feature.action === 'create').length,
    updated: planned.filter((feature) => feature.action === 'update').length,
    invalid,
    features: planned.map(({ index, name, code, action }) => ({ index, name, code, action })),
  };
}
