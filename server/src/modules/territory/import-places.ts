import { PLACE_KINDS } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import type { ImportGuard } from '../../http/import-guard';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { parseFeatureCollection, planFeatures, sridOf, summariseImport, textOf } from './geojson-source';
import { CHECKPOINT_EVERY, type ImportIssue, type LocalityImportOutcome } from './import-localities';
import { checkGeometries, type GeometryCheck } from './locality.repository';
import { findPlacesByExternalCode, insertPlace, updatePlaceAtVersion } from './place.repository';

type PlaceKind = (typeof PLACE_KINDS)[number];

export interface PlaceImportOptions {
  file: Buffer;
  nameProperty: string;
  codeProperty?: string | undefined;
  /** The property holding the place kind; features without it (or without the property) get `kind`. */
  kindProperty?: string | undefined;
  kind: PlaceKind;
  srid?: 4326 | 5514 | undefined;
  dryRun: boolean;
  skipInvalid: boolean;
  /** Row limit and cancellation (http/import-guard.ts). */
  guard: ImportGuard;
}

export type PlaceImportOutcome = Omit<LocalityImportOutcome, 'repaired'>;

const PLACE_TYPES = new Set(['POINT', 'LINESTRING', 'MULTILINESTRING']);

/**
 * Imports places of duty (points and lines) from a GeoJSON FeatureCollection, like the localities
 * import: a dry run previews, a commit writes all in the caller's transaction or nothing; features are
 * matched on the code property, so a re-import updates. Invalid lines are refused, never repaired:
 * a repaired line would be a different route.
 */
export async function importPlaces(tx: TenantTx, actor: Actor, options: PlaceImportOptions): Promise<PlaceImportOutcome> {
  const collection = parseFeatureCollection(options.file);
  options.guard.assertRows(collection.features.length);
  const srid = options.srid ?? sridOf(collection.crs) ?? 4326;
  const features = collection.features.map((feature, index) => ({
    index,
    name: textOf(feature.properties?.[options.nameProperty]),
    code: options.codeProperty ? textOf(feature.properties?.[options.codeProperty]) : null,
    kind: (options.kindProperty ? textOf(feature.properties?.[options.kindProperty]) : null) ?? options.kind,
    geometry: JSON.stringify(feature.geometry ?? null),
  }));
  const checks = await checkGeometries(tx, features.map((feature) => feature.geometry), srid);
  const invalid: ImportIssue[] = [];
  const seenCodes = new Set<string>();
  const accepted = features.filter((feature) => {
    const issue = findIssue(feature, checks[feature.index]!, options, seenCodes);
    if (issue) invalid.push({ index: feature.index, ...issue });
    if (feature.code) seenCodes.add(feature.code);
    return !issue;
  });

  const codes = accepted.flatMap((feature) => (feature.code ? [feature.code] : []));
  const existing = new Map((await findPlacesByExternalCode(tx, codes)).map((row) => [row.externalCode!, row]));
  const planned = planFeatures(accepted, existing);
  const outcome: PlaceImportOutcome = summariseImport(planned, invalid, { ...options, total: features.length });
  if (options.dryRun) return outcome;

  for (const [position, feature] of planned.entries()) {
    if (position % CHECKPOINT_EVERY === 0) await options.guard.checkpoint();
    const id = feature.match?.id ?? uuidv7();
    if (feature.match) {
      const changes = { name: feature.name, kind: feature.kind, geometry: feature.geometry, srid };
      if (!(await updatePlaceAtVersion(tx, id, feature.match.version, changes))) throw new AppError('version_conflict');
    } else {
      await insertPlace(tx, { id, name: feature.name, kind: feature.kind, geometry: feature.geometry, srid, externalCode: feature.code, createdBy: actor.userId });
    }
  }
  // One entry per import, with its counts (not one per feature).
  await recordAudit(tx, {
    action: 'place.import',
    resourceType: 'place',
    resourceId: null,
    actorId: actor.userId,
    after: { total: outcome.total, created: outcome.created, updated: outcome.updated, skipped: invalid.length, srid },
  });
  return outcome;
}

function findIssue(
  feature: { name: string | null; code: string | null; kind: string },
  check: GeometryCheck,
  options: PlaceImportOptions,
  seenCodes: Set<string>,
): Omit<ImportIssue, 'index'> | undefined {
  if (!check.isParsed) return { code: 'geometry_unreadable' };
  if (!PLACE_TYPES.has(check.type ?? '')) return { code: 'not_a_place', params: { type: check.type } };
  if (!check.isValid) return { code: 'invalid_geometry', params: { detail: check.reason ?? '' } };
  if (!feature.name) return { code: 'missing_name', params: { property: options.nameProperty } };
  if (!(PLACE_KINDS as readonly string[]).includes(feature.kind)) {
    return { code: 'unknown_place_kind', params: { kind: feature.kind, allowed: PLACE_KINDS.join(', ') } };
  }
  if (!check.isInsideCity) return { code: 'outside_city' };
  if (feature.code && seenCodes.has(feature.code)) return { code: 'duplicate_code', params: { code: feature.code } };
  return undefined;
}
