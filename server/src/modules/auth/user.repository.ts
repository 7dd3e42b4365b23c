import type { TenantTx } from '../../db/scope';
import type { NewUserRow, UserRow, UserRowUpdate } from '../../db/schema';

export async function findUserById(tx: TenantTx, id: string): Promise<UserRow | undefined> {
  return tx.selectFrom('users').selectAll().where('tenantId', '=', tx.tenantId).where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(tx: TenantTx, email: string): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('tenantId', '=', tx.tenantId)
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function listUsers(tx: TenantTx, filter: { role?: string | undefined; includeDisabled: boolean }) {
  let query = tx.selectFrom('users').selectAll().where('tenantId', '=', tx.tenantId).orderBy('displayName').orderBy('id');
  if (filter.role) query = query.where('role', '=', filter.role);
  if (!filter.includeDisabled) query = query.where('isDisabled', '=', false);
  return query.execute();
}

export async function insertUser(tx: TenantTx, user: Omit<NewUserRow, 'tenantId'>): Promise<UserRow> {
  return tx
    .insertInto('users')
    .values({ ...user, tenantId: tx.tenantId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates only if the row is still at `version`; undefined means it changed meanwhile. */
export async function updateUserAtVersion(
  tx: TenantTx,
  id: string,
  version: number,
  changes: Omit<UserRowUpdate, 'tenantId' | 'id' | 'version' | 'updatedAt'>,
): Promise<UserRow | undefined> {
  return tx
    .updateTable('users')
    .set((eb) => ({ ...changes, updatedAt: new Date(), version: eb('version', '+', 1) }))
    .where('tenantId', '=', tx.tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function markSignedIn(tx: TenantTx, id: string): Promise<void> {
  await tx
    .updateTable('users')
    .set({ lastSignInAt: new Date() })
    .where('tenantId', '=', tx.tenantId)
    .where('id', '=', id)
    .execute();
}
