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

/** A tenant transaction's limits: far above any request's statement (the slowest, a year's summary, takes ~1 s). */
export const TENANT_STATEMENT_TIMEOUT = '30s';
export const TENANT_LOCK_TIMEOUT = '10s';

/**
 * Narrows a system transaction to one tenant for the rest of its life: what follows runs under
 * row-level security. For a write that begins cross-tenant and continues inside one tenant (opening
 * a city together with its first admin).
 */
export async function enterTenant(tx: SystemTx, tenantId: string): Promise<TenantTx> {
  // One round trip: set_config('role', …, true) is SET LOCAL ROLE. The timeouts bound every request's
  // statements and lock waits, so one city's stuck work cannot hold a connection (and another city's
  // requests) for long; imports set longer ones of their own (http/import-guard.ts).
  await sql`SELECT set_config('role', 'saferhood_app', true), set_config('app.tenant_id', ${tenantId}, true),
                   set_config('statement_timeout', ${TENANT_STATEMENT_TIMEOUT}, true),
                   set_config('lock_timeout', ${TENANT_LOCK_TIMEOUT}, true)`.execute(tx);
  return Object.assign(tx, { tenantId });
}
