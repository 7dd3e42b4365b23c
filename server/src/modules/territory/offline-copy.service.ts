import { createHash } from 'node:crypto';
import type { TerritoryOfflineCopy } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import { listSimplifiedLocalities } from './locality.repository';
import { listCompactPlaces } from './place.repository';

/** About 5 m: plenty for "which locality am I in" on a phone, and a fraction of the bytes. */
const SIMPLIFY_DEGREES = 0.00005;

/**
 * The territory as the assistants' offline app keeps it: active localities with simplified
 * boundaries (5 decimals) and active places. `version` is a hash of the content, served as the ETag,
 * so a phone re-downloads only after something changed.
 */
export async function buildOfflineCopy(tx: TenantTx): Promise<TerritoryOfflineCopy> {
  const localities = await listSimplifiedLocalities(tx, SIMPLIFY_DEGREES);
  const places = await listCompactPlaces(tx);
  const content = {
    localities: localities.map((row) => ({ ...row, boundary: JSON.parse(row.boundary) })),
    places: places.map((row) => ({ ...row, kind: row.kind as TerritoryOfflineCopy['places'][number]['kind'], geometry: JSON.parse(row.geometry) })),
  };
  const version = createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
  return { version, ...content };
}
