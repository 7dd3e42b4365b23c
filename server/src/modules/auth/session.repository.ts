import type { SystemTx, TenantTx } from '../../db/scope';
import type { SessionRow, TenantRow, UserRow } from '../../db/schema';

export async function insertSession(
  tx: TenantTx,
  session: { id: string; userId: string; csrfToken: string; expiresAt: Date; userAgent: string | null },
): Promise<SessionRow> {
  return tx
    .insertInto('sessions')
    .values({ tenantId: tx.tenantId, ...session })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The live session with its user and tenant, or undefined if unknown, expired or idle too long. */
export async function findLiveSession(
  tx: TenantTx,
  sessionId: string,
  idleSince: Date,
): Promise<{ session: SessionRow; user: UserRow; tenant: TenantRow } | undefined> {
  const session = await tx
    .selectFrom('sessions')
    .selectAll()
    .where('tenantId', '=', tx.tenantId)
    .where('id', '=', sessionId)
    .where('expiresAt', '>', new Date())
    .where('lastSeenAt', '>', idleSince)
    .executeTakeFirst();
  if (!session) return undefined;
  const user = await tx
    .selectFrom('users')
    .selectAll()
    .where('tenantId', '=', tx.tenantId)
    .where('id', '=', session.userId)
    .where('isDisabled', '=', false)
    .executeTakeFirst();
  const tenant = await tx.selectFrom('tenants').selectAll().where('id', '=', tx.tenantId).executeTakeFirst();
  return user && tenant ? { session, user, tenant } : undefined;
}

export async function touchSession(tx: TenantTx, sessionId: string): Promise<void> {
  await tx.updateTable('sessions').set({ lastSeenAt: new Date() })
    .where('tenantId', '=', tx.tenantId)
    .where('id', '=', sessionId).execute();
}

export async function deleteSession(tx: TenantTx, sessionId: string): Promise<void> {
  await tx.deleteFrom('sessions').where('tenantId', '=', tx.tenantId).where('id', '=', sessionId).execute();
}

/** Signs a user out everywhere, optionally keeping the session they act from. */
export async function deleteUserSessions(tx: TenantTx, userId: string, exceptSessionId?: string): Promise<number> {
  let query = tx.deleteFrom('sessions').where('tenantId', '=', tx.tenantId).where('userId', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sessions past their absolute expiry, across tenants (the hourly purge job). */
export async function deleteExpiredSessions(tx: SystemTx): Promise<number> {
  const result = await tx.deleteFrom('sessions').where('expiresAt', '<', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
