import { uuidv7 } from 'uuidv7';
import { onRollback, withTenant, type TenantTx } from '../../db/scope';

/**
 * Records a read of a sensitive (restricted or confidential) record: who, which record and why.
 * Later modules call this from the service that reads such a record, in the same transaction. The
 * row survives that transaction's rollback: a failed request may still answer with the record (a 409
 * carries the current version), so it is then written again in a transaction of its own.
 */
export async function logAccess(
  tx: TenantTx,
  entry: { userId: string; resourceType: string; resourceId: string; purpose: string },
): Promise<void> {
  const row = { tenantId: tx.tenantId, id: uuidv7(), ...entry };
  await tx.insertInto('accessLog').values(row).execute();
  onRollback(tx, (db) => withTenant(db, row.tenantId, (again) => again.insertInto('accessLog').values(row).execute().then(() => undefined)));
}

export async function listAccessFor(tx: TenantTx, resourceType: string, resourceId: string) {
  return tx
    .selectFrom('accessLog')
    .select(['at', 'userId', 'purpose'])
    .where('tenantId', '=', tx.tenantId)
    .where('resourceType', '=', resourceType)
    .where('resourceId', '=', resourceId)
    .orderBy('at', 'desc')
    .execute();
}
