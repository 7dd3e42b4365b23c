import { sql } from 'kysely';
import type { TenantTx } from '../../db/scope';
import { updateAtVersion } from '../../db/versioned';
import { fromGeoJson, toGeoJson } from './geometry.sql';

const placeColumns = ['id', 'name', 'kind', 'localityId', 'externalCode', 'status', 'version', toGeoJson('geometry').as('geometry')] as const;

export type PlaceRow = Awaited<ReturnType<typeof listPlaces>>[number];

export async function listPlaces(tx: TenantTx, status: 'active' | 'archived' | 'all' = 'active') {
  return tx
    .selectFrom('places')
    .select(placeColumns)
    .where('tenantId', '=', tx.tenantId)
    .$if(status !== 'all', (query) => query.where('status', '=', status))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findPlacesByExternalCode(tx: TenantTx, codes: string[]) {
  if (codes.length === 0) return [];
  return tx.selectFrom('places').select(['id', 'externalCode', 'version']).where('tenantId', '=', tx.tenantId).where('externalCode', 'in', codes).execute();
}

export async function findPlace(tx: TenantTx, id: string) {
  return tx.selectFrom('places').select(placeColumns).where('tenantId', '=', tx.tenantId).where('id', '=', id).executeTakeFirst();
}

/**
 * Inserts a place, placing it in the active locality that contains it (a line: the one containing a
 * point on it), or none.
 */
export async function insertPlace(
  tx: TenantTx,
  place: { id: string; name: string; kind: string; geometry: string; srid?: number; externalCode?: string | null; createdBy: string },
) {
  const { geometry, srid, ...columns } = place;
  await tx
    .insertInto('places')
    .values({ ...columns, tenantId: tx.tenantId, geometry: fromGeoJson(geometry, srid) })
    .execute();
  await locatePlace(tx, place.id);
}

export async function updatePlaceAtVersion(
  tx: TenantTx,
  id: string,
  version: number,
  changes: { name?: string; kind?: string; status?: string; geometry?: string; srid?: number },
): Promise<boolean> {
  const { geometry, srid, ...columns } = changes;
  const isUpdated = await updateAtVersion(tx, 'places', id, version, { ...columns, ...(geometry ? { geometry: fromGeoJson(geometry, srid) } : {}) });
  if (isUpdated && geometry) await locatePlace(tx, id);
  return isUpdated;
}

async function locatePlace(tx: TenantTx, id: string): Promise<void> {
  await sql`
    UPDATE places p SET locality_id = (
      SELECT l.id FROM localities l
       WHERE l.tenant_id = p.tenant_id AND l.status = 'active'
         AND ST_Covers(l.boundary, ST_PointOnSurface(p.geometry))
       ORDER BY ST_Area(l.boundary) LIMIT 1)
     WHERE p.tenant_id = ${tx.tenantId} AND p.id = ${id}`.execute(tx);
}

/** Active places with 5-decimal geometry (about a metre): the offline copy. */
export async function listCompactPlaces(tx: TenantTx) {
  const { rows } = await sql<{ id: string; name: string; kind: string; geometry: string; localityId: string | null }>`
    SELECT id, name, kind, ST_AsGeoJSON(geometry, 5) AS geometry, locality_id
      FROM places WHERE tenant_id = ${tx.tenantId} AND status = 'active' ORDER BY name, id`.execute(tx);
  return rows;
}
