import { sql } from 'kysely';
import type { SystemTx } from '../../db/scope';

/**
 * Sign-in attempts, kept in the database so throttling holds across app processes. Only the owning
 * role reads and writes them (the app role has no grant: they span every city). Counts are over
 * indexed ranges (account, address) within the window.
 */
export interface AttemptKey {
  tenantSlug: string;
  email: string;
  ip: string;
}

/**
 * Serialises the count-and-reserve of one account and of one address until the transaction ends, so
 * parallel attempts are counted one after another. Always account first, then address: no deadlock.
 */
export async function lockAttemptKeys(tx: SystemTx, key: AttemptKey): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in account ${key.tenantSlug} ${key.email}`}, 0)),
                   pg_advisory_xact_lock(hashtextextended(${`sign-in address ${key.ip}`}, 0))`.execute(tx);
}

/** Has the account signed in successfully from this address since `since`? (the owner's own address) */
export async function isKnownAddress(tx: SystemTx, key: AttemptKey, since: Date): Promise<boolean> {
  const row = await tx
    .selectFrom('signInAttempts')
    .select('id')
    .where('tenantSlug', '=', key.tenantSlug)
    .where('email', '=', key.email)
    .where('ip', '=', key.ip)
    .where('succeeded', '=', true)
    .where('at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Failures of the account since `since` and since its last success from this address (a success
 * elsewhere does not reset a stranger's count); only those from this address when `onlyFromIp`.
 */
export async function countAccountFailures(
  tx: SystemTx,
  key: AttemptKey,
  options: { since: Date; onlyFromIp: boolean },
): Promise<{ count: number; latest: Date | null }> {
  const lastSuccess = tx
    .selectFrom('signInAttempts')
    .select(sql<Date>`max(at)`.as('at'))
    .where('tenantSlug', '=', key.tenantSlug)
    .where('email', '=', key.email)
    .where('ip', '=', key.ip)
    .where('succeeded', '=', true);
  let query = tx
    .selectFrom('signInAttempts')
    .select([sql<number>`count(*)::int`.as('count'), sql<Date | null>`max(at)`.as('latest')])
    .where('tenantSlug', '=', key.tenantSlug)
    .where('email', '=', key.email)
    .where('succeeded', '=', false)
    .where('at', '>', options.since)
    .where('at', '>', sql<Date>`coalesce((${lastSuccess}), '-infinity'::timestamptz)`);
  if (options.onlyFromIp) query = query.where('ip', '=', key.ip);
  return query.executeTakeFirstOrThrow();
}

/** Failures from one address (any account) since `since`, and the oldest of them. */
export async function countAddressFailures(tx: SystemTx, ip: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  return tx
    .selectFrom('signInAttempts')
    .select([sql<number>`count(*)::int`.as('count'), sql<Date | null>`min(at)`.as('oldest')])
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
}

/** Records an attempt as failed until it is proven right (insert first, then check the password). */
export async function insertFailedAttempt(tx: SystemTx, key: AttemptKey): Promise<string> {
  const row = await tx.insertInto('signInAttempts').values({ ...key, succeeded: false }).returning('id').executeTakeFirstOrThrow();
  return String(row.id);
}

export async function markAttemptSucceeded(tx: SystemTx, id: string): Promise<void> {
  await tx.updateTable('signInAttempts').set({ succeeded: true }).where('id', '=', id).execute();
}

/** An attempt that turned out not to be a guess (e.g. a version conflict of a password change). */
export async function deleteAttempt(tx: SystemTx, id: string): Promise<void> {
  await tx.deleteFrom('signInAttempts').where('id', '=', id).execute();
}

/** Purges failures older than `failuresBefore` and successes (the known addresses) older than `successesBefore`. */
export async function deleteSignInAttemptsBefore(tx: SystemTx, failuresBefore: Date, successesBefore: Date = failuresBefore): Promise<number> {
  const result = await tx
    .deleteFrom('signInAttempts')
    .where((eb) => eb.or([eb.and([eb('succeeded', '=', false), eb('at', '<', failuresBefore)]), eb('at', '<', successesBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
