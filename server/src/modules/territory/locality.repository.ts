import { sql } from 'kysely';
import type { TenantTx } from '../../db/scope';
import { updateAtVersion } from '../../db/versioned';
import { areaForStorage, fromGeoJson, pointAt, repairedArea, toGeoJson } from './geometry.sql';

/** The columns of a locality as lists show it: no boundary, but its area and a point inside it. */
const localitySummary = [
  'id',
  'name',
  'kind',
  'externalCode',
  'description',
  'status',
  'version',
  'createdAt',
  'updatedAt',
  sql<number>`ST_Area(boundary::geography) / 1e6`.as('areaKm2'),
  sql<string>`ST_AsGeoJSON(ST_PointOnSurface(boundary), 6)`.as('labelPoint'),
] as const;

export type LocalitySummaryRow = Awaited<ReturnType<typeof listLocalities>>[number];

export async function listLocalities(tx: TenantTx, filter: { status: 'active' | 'archived' | 'all' }) {
  let query = tx.selectFrom('localities').select(localitySummary).where('tenantId', '=', tx.tenantId).orderBy('name');
  if (filter.status !== 'all') query = query.where('status', '=', filter.status);
  return query.execute();
}

export async function listLocalityFeatures(tx: TenantTx, filter: { status: 'active' | 'archived' | 'all' }) {
  let query = tx
    .selectFrom('localities')
    .select([...localitySummary, toGeoJson('boundary').as('boundary')])
    .where('tenantId', '=', tx.tenantId)
    .orderBy('name');
  if (filter.status !== 'all') query = query.where('status', '=', filter.status);
  return query.execute();
}

export async function findLocality(tx: TenantTx, id: string) {
  return tx
    .selectFrom('localities')
    .select([...localitySummary, toGeoJson('boundary').as('boundary')])
    .where('tenantId', '=', tx.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The active locality containing a point — the one question every module asks. An indexed
 * `ST_Covers` (a point on the boundary counts as inside); where localities overlap, the smallest wins.
 */
export async function findLocalityIdAt(tx: TenantTx, lon: number, lat: number): Promise<string | undefined> {
  const row = await tx
    .selectFrom('localities')
    .select('id')
    .where('tenantId', '=', tx.tenantId)
    .where('status', '=', 'active')
    .where(sql<boolean>`ST_Covers(boundary, ${pointAt(lon, lat)})`)
    .orderBy(sql`ST_Area(boundary)`)
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function insertLocality(
  tx: TenantTx,
  locality: { id: string; name: string; kind: string; externalCode: string | null; description: string | null; boundary: string; srid?: number; createdBy: string | null },
): Promise<void> {
  const { boundary, srid, ...columns } = locality;
  await tx
    .insertInto('localities')
    .values({ ...columns, tenantId: tx.tenantId, boundary: areaForStorage(fromGeoJson(boundary, srid)) })
    .execute();
}

export async function updateLocalityAtVersion(
  tx: TenantTx,
  id: string,
  version: number,
  changes: { name?: string; kind?: string; externalCode?: string | null; description?: string | null; status?: string; boundary?: string; srid?: number },
): Promise<boolean> {
  const { boundary, srid, ...columns } = changes;
  return updateAtVersion(tx, 'localities', id, version, {
    ...columns,
    ...(boundary ? { boundary: areaForStorage(fromGeoJson(boundary, srid)) } : {}),
  });
}

export async function findLocalitiesByExternalCode(tx: TenantTx, codes: string[]) {
  if (codes.length === 0) return [];
  return tx
    .selectFrom('localities')
    .select(['id', 'externalCode', 'version'])
    .where('tenantId', '=', tx.tenantId)
    .where('externalCode', 'in', codes)
    .execute();
}

export interface GeometryCheck {
  index: number;
  isParsed: boolean;
  isValid: boolean;
  reason: string | null;
  type: string | null;
  isRepairable: boolean;
  isInsideCity: boolean;
}

/**
 * Checks many imported geometries (areas or places) in one query: does each parse, of which type, is
 * it valid (and if not, would repairing it leave an area), does it touch the city's area. Geometries that do not parse get
 * isParsed = false rather than failing the whole query. Each geometry is GeoJSON text (as JSON.stringify
 * wrote it), joined into one jsonb array without being parsed again here.
 *
 * The input is MATERIALIZED: inlined, the planner would parse and transform each geometry once for
 * every use below (seven), and check its validity twice.
 */
export async function checkGeometries(tx: TenantTx, geometries: string[], srid: number): Promise<GeometryCheck[]> {
  const { rows } = await sql<GeometryCheck>`
    WITH input AS MATERIALIZED (
      SELECT ordinality - 1 AS index, g, ST_IsValid(g) AS is_valid
        FROM jsonb_array_elements(${`[${geometries.join(',')}]`}::jsonb) WITH ORDINALITY,
             LATERAL safe_geom_from_geojson(value::text, ${srid}::int) AS g
    ), area AS (SELECT boundary FROM city_areas WHERE tenant_id = ${tx.tenantId})
    SELECT input.index::int AS index,
           g IS NOT NULL AS is_parsed,
           coalesce(is_valid, false) AS is_valid,
           CASE WHEN g IS NOT NULL AND NOT is_valid THEN ST_IsValidReason(g) END AS reason,
           GeometryType(g) AS type,
           -- Only asked of an invalid geometry: would repair leave an area?
           CASE WHEN is_valid THEN true ELSE coalesce(NOT ST_IsEmpty(${repairedArea(sql`g`)}), false) END AS is_repairable,
           coalesce((SELECT ST_Intersects(area.boundary, g) FROM area), true) AS is_inside_city
      FROM input
     ORDER BY input.index`.execute(tx);
  return rows;
}

export async function listLocalityKindRows(tx: TenantTx) {
  return tx.selectFrom('localityKinds').select(['code', 'labels', 'color']).where('tenantId', '=', tx.tenantId).orderBy('sortOrder').execute();
}

export async function insertLocalityKind(tx: TenantTx, kind: { code: string; labels: Record<string, string>; color: string }): Promise<void> {
  const { max } = await tx
    .selectFrom('localityKinds')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .where('tenantId', '=', tx.tenantId)
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('localityKinds')
    .values({ tenantId: tx.tenantId, code: kind.code, labels: JSON.stringify(kind.labels), color: kind.color, sortOrder: Number(max ?? 0) + 1 })
    .execute();
}

export async function updateLocalityKind(tx: TenantTx, code: string, changes: { labels?: Record<string, string>; color?: string }): Promise<void> {
  await tx
    .updateTable('localityKinds')
    .set({ ...(changes.labels ? { labels: JSON.stringify(changes.labels) } : {}), ...(changes.color ? { color: changes.color } : {}) })
    .where('tenantId', '=', tx.tenantId)
    .where('code', '=', code)
    .execute();
}

export async function hasAnyLocality(tx: TenantTx): Promise<boolean> {
  return (await tx.selectFrom('localities').select('id').where('tenantId', '=', tx.tenantId).limit(1).executeTakeFirst()) !== undefined;
}

export async function findCityAreaGeoJson(tx: TenantTx): Promise<string | undefined> {
  const row = await tx
    .selectFrom('cityAreas')
    .select(sql<string>`ST_AsGeoJSON(boundary, 7)`.as('boundary'))
    .where('tenantId', '=', tx.tenantId)
    .executeTakeFirst();
  return row?.boundary;
}

/** Sets the city's area (repaired if it needs it), replacing any earlier one. */
export async function upsertCityArea(tx: TenantTx, boundary: string, updatedBy: string): Promise<void> {
  const stored = areaForStorage(fromGeoJson(boundary));
  await tx
    .insertInto('cityAreas')
    .values({ tenantId: tx.tenantId, boundary: stored, updatedBy })
    .onConflict((conflict) => conflict.column('tenantId').doUpdateSet({ boundary: stored, updatedAt: new Date(), updatedBy }))
    .execute();
}

/** Active localities with boundaries simplified by `tolerance` degrees, 5 decimals: the offline copy. */
export async function listSimplifiedLocalities(tx: TenantTx, tolerance: number) {
  const { rows } = await sql<{ id: string; name: string; kind: string; boundary: string }>`
    SELECT id, name, kind, ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(boundary, ${tolerance})), 5) AS boundary
      FROM localities WHERE tenant_id = ${tx.tenantId} AND status = 'active' ORDER BY name, id`.execute(tx);
  return rows;
}
