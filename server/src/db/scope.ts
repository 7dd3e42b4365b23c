import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema';

/**
 * A transaction bound to one tenant: it runs as the `saferhood_app` role with `app.tenant_id` set, so
 * PostgreSQL row-level security hides every other tenant's rows even if a query forgets its filter.
 */
export type TenantTx = Transaction<DB> & { readonly tenantId: string };

/**
 * A transaction as the owning role, across tenants. Only for what cannot know its tenant yet or spans
 * them: sign-in lookup of a tenant by slug, the platform operator's tenant management, migrations,
 * seeding and scheduled jobs.
 */
export type SystemTx = Transaction<DB> & { readonly system: true };

export async function withTenant<T>(db: Kysely<DB>, tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => work(await enterTenant(Object.assign(trx, { system: true as const }), tenantId)));
}

export async function withSystem<T>(db: Kysely<DB>, work: (tx: SystemTx) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(Object.assign(trx, { system: true as const })));
}

/**
 * Narrows a system transaction to one tenant for the rest of its life: what follows runs under
 * row-level security. For a write that begins cross-tenant and continues inside one tenant (opening
 * a city together with its first admin).
 */
export async function enterTenant(tx: SystemTx, tenantId: string): Promise<TenantTx> {
  // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
  await sql`SELECT set_config('role', 'saferhood_app', true), set_config('app.tenant_id', ${tenantId}, true)`.execute(tx);
  return Object.assign(tx, { tenantId });
}
