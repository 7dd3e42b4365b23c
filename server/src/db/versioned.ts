import type { UpdateObject } from 'kysely';
import type { DB } from './schema';
import type { TenantTx } from './scope';

/** Tenant-owned tables with optimistic versions (`id`, `version`, `updated_at`). */
type VersionedTable = 'localities' | 'places' | 'fieldTeams' | 'shifts' | 'fieldRecords';

/**
 * Updates one row only if it is still at `version`, bumping the version and `updated_at`; false when
 * someone changed it meanwhile (the caller answers 409). The one place this rule is written.
 */
export async function updateAtVersion<T extends VersionedTable>(
  tx: TenantTx,
  table: T,
  id: string,
  version: number,
  changes: UpdateObject<DB, T>,
): Promise<boolean> {
  // Kysely cannot narrow a union of table names inside a generic; the table set above shares these columns.
  const result = await tx
    .updateTable(table as 'places')
    .set((eb) => ({ ...(changes as UpdateObject<DB, 'places'>), updatedAt: new Date(), version: eb('version', '+', 1) }))
    .where('tenantId', '=', tx.tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
