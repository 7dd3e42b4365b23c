import type { FieldErrorCode } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import type { ImportGuard } from '../../http/import-guard';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { type FeatureSource, guardBatch, passOverFeatures, type PlannedFeature, planFeatures, summariseImport, textOf, writePlannedFeatures } from './geojson-source';
import { checkGeometries, findLocalitiesByExternalCode, type GeometryCheck, insertLocality, updateLocalityAtVersion } from './locality.repository';
import { listLocalityKinds } from './locality.service';

export interface LocalityImportOptions {
  /** The uploaded GeoJSON file on disk: read as a stream, never whole. */
  filePath: string;
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

type LocalityMatch = Awaited<ReturnType<typeof findLocalitiesByExternalCode>>[number];

/**
 * Imports localities from a GeoJSON FeatureCollection of (Multi)Polygons in WGS84 or S-JTSK.
 * A dry run previews: what would be created or updated (matched on the code property) and which
 * features are invalid and why. A commit writes everything in the caller's one transaction, or —
 * when any feature is invalid and skipping was not asked for — nothing.
 *
 * The file streams through twice at most: a planning pass checks the features batch by batch (one
 * PostGIS round trip per batch) and keeps only each feature's verdict; a commit then reads the file
 * again and writes the planned features. Memory holds a batch and the verdicts, never the file.
 */
export async function importLocalities(tx: TenantTx, actor: Actor, options: LocalityImportOptions): Promise<LocalityImportOutcome> {
  const kinds = await listLocalityKinds(tx);
  const kind = options.kind ?? kinds[0]?.code;
  // An unreadable file is answered first, as before streaming: the kind is refused after the planning pass.
  const isKnownKind = kind !== undefined && kinds.some((known) => known.code === kind);

  const { result: plan, srid, total } = await passOverFeatures(options.filePath, options.srid, (source, srid) => planLocalities(tx, source, srid, options));
  if (!isKnownKind) throw new AppError('validation_failed', { fields: [{ field: 'kind', code: 'invalid_value' }] });
  const outcome: LocalityImportOutcome = { ...summariseImport(plan.planned, plan.invalid, { ...options, total }), repaired: plan.repaired };
  if (options.dryRun) return outcome;

  await writePlannedFeatures(options.filePath, plan.planned, options.guard, (feature, geometry) =>
    writeLocality(tx, actor, feature, geometry, { srid, kind: kind!, isKindGiven: options.kind !== undefined }),
  );
  // One entry per import, with its counts (one per feature held the city's audit trail for minutes).
  await recordAudit(tx, {
    action: 'locality.import',
    resourceType: 'locality',
    resourceId: null,
    actorId: actor.userId,
    after: { total: outcome.total, created: outcome.created, updated: outcome.updated, repaired: outcome.repaired, skipped: outcome.invalid.length, srid, kind },
  });
  return outcome;
}

/** The planning pass: each batch's geometries checked in one query, its codes matched in another. */
async function planLocalities(tx: TenantTx, source: FeatureSource, srid: number, options: LocalityImportOptions) {
  const invalid: ImportIssue[] = [];
  const planned: (PlannedFeature<LocalityMatch> & { code: string | null })[] = [];
  let repaired = 0;
  const seenCodes = new Set<string>();
  for await (const batch of source.batches()) {
    await guardBatch(options.guard, source);
    const features = batch.map((feature) => ({
      index: feature.index,
      name: textOf(feature.properties?.[options.nameProperty]),
      code: options.codeProperty ? textOf(feature.properties?.[options.codeProperty]) : null,
    }));
    const checks = await checkGeometries(tx, batch.map((feature) => feature.geometry), srid);
    const accepted = features.filter((feature, position) => {
      const check = checks[position]!;
      const issue = findIssue(feature, check, options, seenCodes);
      if (issue) invalid.push({ index: feature.index, ...issue });
      else if (!check.isValid) repaired += 1;
      if (feature.code) seenCodes.add(feature.code);
      return !issue;
    });
    const codes = accepted.flatMap((feature) => (feature.code ? [feature.code] : []));
    const existing = new Map((await findLocalitiesByExternalCode(tx, codes)).map((row) => [row.externalCode!, row]));
    planned.push(...planFeatures(accepted, existing));
  }
  return { invalid, planned, repaired };
}

async function writeLocality(
  tx: TenantTx,
  actor: Actor,
  feature: PlannedFeature<LocalityMatch>,
  geometry: string,
  options: { srid: number; kind: string; isKindGiven: boolean },
): Promise<void> {
  const { srid, kind } = options;
  const id = feature.match?.id ?? uuidv7();
  if (feature.match) {
    const isUpdated = await updateLocalityAtVersion(tx, id, feature.match.version, {
      name: feature.name,
      boundary: geometry,
      srid,
      ...(options.isKindGiven ? { kind } : {}),
    });
    // Someone changed the locality since we read it, within this import: roll back all of it.
    if (!isUpdated) throw new AppError('version_conflict');
  } else {
    await insertLocality(tx, { id, name: feature.name, kind, externalCode: feature.code, description: null, boundary: geometry, srid, createdBy: actor.userId });
  }
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
