import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';

/**
 * Records a read of a sensitive (restricted or confidential) record: who, which record and why.
 * Later modules call this from the service that reads such a record, in the same transaction.
 */
export async function logAccess(
  tx: TenantTx,
  entry: { userId: string; resourceType: string; resourceId: string; purpose: string },
): Promise<void> {
  await tx
    .insertInto('accessLog')
    .values({ tenantId: tx.tenantId, id: uuidv7(), ...entry })
    .execute();
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
