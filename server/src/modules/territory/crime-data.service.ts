import type { CrimeSummary } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import { countOffences, gridOffences, listCrimeTypeRows, periodOf, summariseOffences, type CrimeDimension } from './crime-data.repository';

export async function summariseCrime(
  tx: TenantTx,
  query: { from: string; to: string; groupBy: CrimeDimension[]; localityId?: string | undefined },
): Promise<CrimeSummary> {
  const period = await periodOf(tx, query);
  const rows = (await summariseOffences(tx, period, query)) as CrimeSummary['rows'];
  // Without `type` every offence is in exactly one row, so the rows add up to the total.
  const total = query.groupBy.includes('type')
    ? await countOffences(tx, period, query.localityId)
    : rows.reduce((sum, row) => sum + row.count, 0);
  return { from: query.from, to: query.to, groupBy: query.groupBy, rows, total };
}

export async function listCrimeTypes(tx: TenantTx) {
  return { items: await listCrimeTypeRows(tx) };
}

/** The crime map layer as GeoJSON: one point per grid cell, with the count of offences in it. */
export async function mapCrime(tx: TenantTx, query: { from: string; to: string; cellMetres: number }) {
  const cells = await gridOffences(tx, await periodOf(tx, query), query.cellMetres);
  return {
    type: 'FeatureCollection' as const,
    features: cells.map((cell) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [Math.round(cell.lon * 1e5) / 1e5, Math.round(cell.lat * 1e5) / 1e5] },
      properties: { count: cell.count },
    })),
  };
}
