import { sql } from 'kysely';
import type { SystemTx } from '../../db/scope';

/**
 * Sign-in attempts, kept in the database so throttling holds across app processes. Counts are over
 * indexed ranges (account, address) within the window.
 */
export async function recordSignInAttempt(
  tx: SystemTx,
  attempt: { tenantSlug: string; email: string; ip: string; succeeded: boolean },
): Promise<void> {
  await tx.insertInto('signInAttempts').values(attempt).execute();
}

/** Failures for the account since its last success, and for the address, within the window. */
export async function countRecentFailures(
  tx: SystemTx,
  key: { tenantSlug: string; email: string; ip: string },
  since: Date,
): Promise<{ account: number; ip: number; oldestAccountFailure: Date | null; oldestIpFailure: Date | null }> {
  const lastSuccess = tx
    .selectFrom('signInAttempts')
    .select(sql<Date>`max(at)`.as('at'))
    .where('tenantSlug', '=', key.tenantSlug)
    .where('email', '=', key.email)
    .where('succeeded', '=', true);
  const account = await tx
    .selectFrom('signInAttempts')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(at)`.as('oldest')])
    .where('tenantSlug', '=', key.tenantSlug)
    .where('email', '=', key.email)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .where('at', '>', sql<Date>`coalesce((${lastSuccess}), '-infinity'::timestamptz)`)
    .executeTakeFirstOrThrow();
  const ip = await tx
    .selectFrom('signInAttempts')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(at)`.as('oldest')])
    .where('ip', '=', key.ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { account: account.n, ip: ip.n, oldestAccountFailure: account.oldest, oldestIpFailure: ip.oldest };
}

export async function deleteSignInAttemptsBefore(tx: SystemTx, before: Date): Promise<number> {
  const result = await tx.deleteFrom('signInAttempts').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
