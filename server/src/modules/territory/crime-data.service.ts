import type { CrimeSummary } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import { countOffences, summariseOffences, type CrimeDimension } from './crime-data.repository';

export async function summariseCrime(
  tx: TenantTx,
  query: { from: string; to: string; groupBy: CrimeDimension[]; localityId?: string | undefined },
): Promise<CrimeSummary> {
  const rows = await summariseOffences(tx, query);
  return { from: query.from, to: query.to, groupBy: query.groupBy, rows: rows as CrimeSummary['rows'], total: await countOffences(tx, query) };
}

export async function listCrimeTypes(tx: TenantTx) {
  const rows = await tx.selectFrom('crimeTypes').select(['code', 'parent', 'topClass', 'level', 'nameCs as name']).orderBy('code').execute();
  return { items: rows };
}
