import type { FieldErrorCode } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import type { ImportGuard } from '../../http/import-guard';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { parseFeatureCollection, planFeatures, sridOf, summariseImport, textOf } from './geojson-source';
import { checkGeometries, findLocalitiesByExternalCode, type GeometryCheck, insertLocality, updateLocalityAtVersion } from './locality.repository';
import { listLocalityKinds } from './locality.service';

export interface LocalityImportOptions {
  file: Buffer;
  nameProperty: string;
  codeProperty?: string | undefined;
  kind?: string | undefined;
  /** Forced source projection; otherwise the file's `crs` member, else WGS84. */
  srid?: 4326 | 5514 | undefined;
  dryRun: boolean;
  /** Commit the valid features and skip the invalid ones (otherwise any invalid feature refuses the commit). */
  skipInvalid: boolean;
  /** Repair invalid areas (self-intersections) instead of refusing them. */
  repair: boolean;
  /** Row limit and cancellation (http/import-guard.ts). */
  guard: ImportGuard;
}

/** Features written between two checkpoints (cancellation, a turn for other requests). */
export const CHECKPOINT_EVERY = 200;

export interface ImportIssue {
  index: number;
  code: FieldErrorCode;
  params?: Record<string, unknown>;
}

export interface LocalityImportOutcome {
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  repaired: number;
  invalid: ImportIssue[];
  features: { index: number; name: string; code: string | null; action: 'create' | 'update' }[];
}

/**
 * Imports localities from a GeoJSON FeatureCollection of (Multi)Polygons in WGS84 or S-JTSK.
 * A dry run previews: what would be created or updated (matched on the code property) and which
 * features are invalid and why. A commit writes everything in the caller's one transaction, or —
 * when any feature is invalid and skipping was not asked for — nothing.
 */
export async function importLocalities(tx: TenantTx, actor: Actor, options: LocalityImportOptions): Promise<LocalityImportOutcome> {
  const collection = parseFeatureCollection(options.file);
  options.guard.assertRows(collection.features.length);
  const srid = options.srid ?? sridOf(collection.crs) ?? 4326;
  const kinds = await listLocalityKinds(tx);
  const kind = options.kind ?? kinds[0]?.code;
  if (!kind || !kinds.some((known) => known.code === kind)) {
    throw new AppError('validation_failed', { fields: [{ field: 'kind', code: 'invalid_value' }] });
  }

  const features = collection.features.map((feature, index) => ({
    index,
    name: textOf(feature.properties?.[options.nameProperty]),
    code: options.codeProperty ? textOf(feature.properties?.[options.codeProperty]) : null,
    geometry: JSON.stringify(feature.geometry ?? null),
  }));
  const checks = await checkGeometries(tx, features.map((feature) => feature.geometry), srid);
  const invalid: ImportIssue[] = [];
  let repaired = 0;
  const seenCodes = new Set<string>();
  const accepted = features.filter((feature) => {
    const check = checks[feature.index]!;
    const issue = findIssue(feature, check, options, seenCodes);
    if (issue) invalid.push({ index: feature.index, ...issue });
    else if (!check.isValid) repaired += 1;
    if (feature.code) seenCodes.add(feature.code);
    return !issue;
  });

  const existing = new Map(
    (await findLocalitiesByExternalCode(tx, accepted.flatMap((feature) => (feature.code ? [feature.code] : [])))).map((row) => [
      row.externalCode!,
      row,
    ]),
  );
  const planned = planFeatures(accepted, existing);
  const outcome: LocalityImportOutcome = { ...summariseImport(planned, invalid, { ...options, total: features.length }), repaired };
  if (options.dryRun) return outcome;

  for (const [position, feature] of planned.entries()) {
    if (position % CHECKPOINT_EVERY === 0) await options.guard.checkpoint();
    const id = feature.match?.id ?? uuidv7();
    if (feature.match) {
      const isUpdated = await updateLocalityAtVersion(tx, id, feature.match.version, {
        name: feature.name,
        boundary: feature.geometry,
        srid,
        ...(options.kind ? { kind } : {}),
      });
      // Someone changed the locality since we read it, within this import: roll back all of it.
      if (!isUpdated) throw new AppError('version_conflict');
    } else {
      await insertLocality(tx, {
        id,
        name: feature.name,
        kind,
        externalCode: feature.code,
        description: null,
        boundary: feature.geometry,
        srid,
        createdBy: actor.userId,
      });
    }
  }
  // One entry per import, with its counts (one per feature held the city's audit chain for minutes).
  await recordAudit(tx, {
    action: 'locality.import',
    resourceType: 'locality',
    resourceId: null,
    actorId: actor.userId,
    after: { total: outcome.total, created: outcome.created, updated: outcome.updated, repaired, skipped: invalid.length, srid, kind },
  });
  return outcome;
}

function findIssue(
  feature: { name: string | null; code: string | null },
  check: GeometryCheck,
  options: LocalityImportOptions,
  seenCodes: Set<string>,
): Omit<ImportIssue, 'index'> | undefined {
  if (!check.isParsed) return { code: 'geometry_unreadable' };
  if (check.type !== 'POLYGON' && check.type !== 'MULTIPOLYGON') return { code: 'not_an_area', params: { type: check.type } };
  if (!check.isValid && !(options.repair && check.isRepairable)) {
    return { code: 'invalid_geometry', params: { detail: check.reason ?? '' } };
  }
  if (!feature.name) return { code: 'missing_name', params: { property: options.nameProperty } };
  if (!check.isInsideCity) return { code: 'outside_city' };
  if (feature.code && seenCodes.has(feature.code)) return { code: 'duplicate_code', params: { code: feature.code } };
  return undefined;
}
