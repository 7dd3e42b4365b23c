import type { SystemTx, TenantTx } from '../../db/scope';
import type { NewTenantRow, TenantRow } from '../../db/schema';

/** Sign-in names a tenant by slug before any tenant scope exists: a system lookup. */
export async function findTenantBySlug(tx: SystemTx, slug: string): Promise<TenantRow | undefined> {
  return tx.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findOwnTenant(tx: TenantTx): Promise<TenantRow | undefined> {
  return tx.selectFrom('tenants').selectAll().where('id', '=', tx.tenantId).executeTakeFirst();
}

export async function findTenantById(tx: SystemTx, id: string): Promise<TenantRow | undefined> {
  return tx.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listTenants(tx: SystemTx): Promise<TenantRow[]> {
  return tx.selectFrom('tenants').selectAll().orderBy('isPlatform', 'desc').orderBy('name').execute();
}

export async function insertTenant(tx: SystemTx, tenant: NewTenantRow): Promise<TenantRow> {
  return tx.insertInto('tenants').values(tenant).returningAll().executeTakeFirstOrThrow();
}

/** Updates only if the row is still at `version`; undefined means it changed meanwhile (or is gone). */
export async function updateTenantAtVersion(
  tx: SystemTx,
  id: string,
  version: number,
  changes: Partial<Pick<TenantRow, 'name' | 'timeZone' | 'defaultLanguage' | 'currency'>>,
): Promise<TenantRow | undefined> {
  return tx
    .updateTable('tenants')
    .set((eb) => ({ ...changes, updatedAt: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
