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
  return inTransaction(db, async (trx) => work(await enterTenant(Object.assign(trx, { system: true as const }), tenantId)));
}

export async function withSystem<T>(db: Kysely<DB>, work: (tx: SystemTx) => Promise<T>): Promise<T> {
  return inTransaction(db, (trx) => work(Object.assign(trx, { system: true as const })));
}

type RollbackWork = (db: Kysely<DB>) => Promise<void>;
const rollbackWork = new WeakMap<Transaction<DB>, RollbackWork[]>();

/**
 * Work that must happen even if `tx` rolls back, done then in a transaction of its own before the error
 * goes on: the access-log row of a restricted record that a failed request still answers with (a 409
 * carrying the current record). A whole transaction only: a savepoint rolled back does not run it.
 */
export function onRollback(tx: Transaction<DB>, work: RollbackWork): void {
  const list = rollbackWork.get(tx);
  if (list) list.push(work);
  else rollbackWork.set(tx, [work]);
}

async function inTransaction<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  let current: Transaction<DB> | undefined;
  try {
    return await db.transaction().execute((trx) => {
      current = trx;
      return work(trx);
    });
  } catch (error) {
    for (const pending of (current && rollbackWork.get(current)) ?? []) await pending(db);
    throw error;
  }
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
