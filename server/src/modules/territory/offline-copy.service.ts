import { createHash } from 'node:crypto';
import type { TerritoryOfflineCopy } from '@saferhood/contracts';
import { sql } from 'kysely';
import type { TenantTx } from '../../db/scope';

/** About 5 m: plenty for "which locality am I in" on a phone, and a fraction of the bytes. */
const SIMPLIFY_DEGREES = 0.00005;

/**
 * The territory as the assistants' offline app keeps it: active localities with simplified
 * boundaries (5 decimals) and active places. `version` is a hash of the content, served as the ETag,
 * so a phone re-downloads only after something changed.
 */
export async function buildOfflineCopy(tx: TenantTx): Promise<TerritoryOfflineCopy> {
  const { rows: localities } = await sql<{ id: string; name: string; kind: string; boundary: string }>`
    SELECT id, name, kind,
           ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(boundary, ${SIMPLIFY_DEGREES})), 5) AS boundary
      FROM localities WHERE tenant_id = ${tx.tenantId} AND status = 'active' ORDER BY name, id`.execute(tx);
  const { rows: places } = await sql<{ id: string; name: string; kind: string; geometry: string; localityId: string | null }>`
    SELECT id, name, kind, ST_AsGeoJSON(geometry, 5) AS geometry, locality_id
      FROM places WHERE tenant_id = ${tx.tenantId} AND status = 'active' ORDER BY name, id`.execute(tx);
  const content = {
    localities: localities.map((row) => ({ ...row, boundary: JSON.parse(row.boundary) })),
    places: places.map((row) => ({ ...row, kind: row.kind as TerritoryOfflineCopy['places'][number]['kind'], geometry: JSON.parse(row.geometry) })),
  };
  const version = createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
  return { version, ...content };
}
