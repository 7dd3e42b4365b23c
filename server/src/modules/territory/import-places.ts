import { PLACE_KINDS } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import type { ImportGuard } from '../../http/import-guard';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { type FeatureSource, guardBatch, passOverFeatures, type PlannedFeature, planFeatures, summariseImport, textOf, writePlannedFeatures } from './geojson-source';
import type { ImportIssue, LocalityImportOutcome } from './import-localities';
import { checkGeometries, type GeometryCheck } from './locality.repository';
import { findPlacesByExternalCode, insertPlace, updatePlaceAtVersion } from './place.repository';

type PlaceKind = (typeof PLACE_KINDS)[number];

export interface PlaceImportOptions {
  /** The uploaded GeoJSON file on disk: read as a stream, never whole. */
  filePath: string;
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

type PlaceMatch = Awaited<ReturnType<typeof findPlacesByExternalCode>>[number];

/**
 * Imports places of duty (points and lines) from a GeoJSON FeatureCollection, like the localities
 * import: a dry run previews, a commit writes all in the caller's transaction or nothing; features are
 * matched on the code property, so a re-import updates. Invalid lines are refused, never repaired:
 * a repaired line would be a different route. Streams like the localities import: a planning pass in
 * batches, then (on a commit) a writing pass.
 */
export async function importPlaces(tx: TenantTx, actor: Actor, options: PlaceImportOptions): Promise<PlaceImportOutcome> {
  const { result: plan, srid, total } = await passOverFeatures(options.filePath, options.srid, (source, srid) => planPlaces(tx, source, srid, options));
  const outcome: PlaceImportOutcome = summariseImport(plan.planned, plan.invalid, { ...options, total });
  if (options.dryRun) return outcome;

  await writePlannedFeatures(options.filePath, plan.planned, options.guard, (feature, geometry) => writePlace(tx, actor, feature, geometry, srid));
  // One entry per import, with its counts (not one per feature).
  await recordAudit(tx, {
    action: 'place.import',
    resourceType: 'place',
    resourceId: null,
    actorId: actor.userId,
    after: { total: outcome.total, created: outcome.created, updated: outcome.updated, skipped: outcome.invalid.length, srid },
  });
  return outcome;
}

async function planPlaces(tx: TenantTx, source: FeatureSource, srid: number, options: PlaceImportOptions) {
  const invalid: ImportIssue[] = [];
  const planned: (PlannedFeature<PlaceMatch> & { kind: string })[] = [];
  const seenCodes = new Set<string>();
  for await (const batch of source.batches()) {
    await guardBatch(options.guard, source);
    const features = batch.map((feature) => ({
      index: feature.index,
      name: textOf(feature.properties?.[options.nameProperty]),
      code: options.codeProperty ? textOf(feature.properties?.[options.codeProperty]) : null,
      kind: (options.kindProperty ? textOf(feature.properties?.[options.kindProperty]) : null) ?? options.kind,
    }));
    const checks = await checkGeometries(tx, batch.map((feature) => feature.geometry), srid);
    const accepted = features.filter((feature, position) => {
      const issue = findIssue(feature, checks[position]!, options, seenCodes);
      if (issue) invalid.push({ index: feature.index, ...issue });
      if (feature.code) seenCodes.add(feature.code);
      return !issue;
    });
    const codes = accepted.flatMap((feature) => (feature.code ? [feature.code] : []));
    const existing = new Map((await findPlacesByExternalCode(tx, codes)).map((row) => [row.externalCode!, row]));
    planned.push(...planFeatures(accepted, existing));
  }
  return { invalid, planned };
}

async function writePlace(tx: TenantTx, actor: Actor, feature: PlannedFeature<PlaceMatch> & { kind: string }, geometry: string, srid: number): Promise<void> {
  const id = feature.match?.id ?? uuidv7();
  // The kind was checked against PLACE_KINDS by findIssue.
  const kind = feature.kind as PlaceKind;
  if (feature.match) {
    if (!(await updatePlaceAtVersion(tx, id, feature.match.version, { name: feature.name, kind, geometry, srid }))) throw new AppError('version_conflict');
  } else {
    await insertPlace(tx, { id, name: feature.name, kind, geometry, srid, externalCode: feature.code, createdBy: actor.userId });
  }
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
