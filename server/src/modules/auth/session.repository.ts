import type { Kysely } from 'kysely';
import type { SystemTx, TenantTx } from '../../db/scope';
import type { DB, SessionRow, TenantRow, UserRow } from '../../db/schema';

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

/**
 * The live session with its user and tenant, or undefined if unknown, expired, idle too long or its
 * user disabled: one statement, one round trip, outside any transaction (decision 0009). It runs as
 * the owning role, so its tenant filter is written into every join and not left to row-level security:
 * the cookie's tenant id and the session's secret id must both match, and the user and the tenant are
 * joined on that same tenant.
 */
export async function lookUpSession(
  db: Kysely<DB>,
  tenantId: string,
  sessionId: string,
  idleSince: Date,
): Promise<{ session: Pick<SessionRow, 'id' | 'csrfToken' | 'expiresAt' | 'lastSeenAt'>; user: UserRow; tenant: TenantRow } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.userId'))
    .innerJoin('tenants as t', 't.id', 's.tenantId')
    .selectAll('u')
    .select([
      's.id as sessionId',
      's.csrfToken as sessionCsrfToken',
      's.expiresAt as sessionExpiresAt',
      's.lastSeenAt as sessionLastSeenAt',
      't.slug as tenantSlug',
      't.name as tenantName',
      't.timeZone as tenantTimeZone',
      't.defaultLanguage as tenantDefaultLanguage',
      't.currency as tenantCurrency',
      't.isPlatform as tenantIsPlatform',
      't.createdAt as tenantCreatedAt',
      't.createdBy as tenantCreatedBy',
      't.updatedAt as tenantUpdatedAt',
      't.version as tenantVersion',
    ])
    .where('s.tenantId', '=', tenantId)
    .where('s.id', '=', sessionId)
    .where('s.expiresAt', '>', new Date())
    .where('s.lastSeenAt', '>', idleSince)
    .where('u.isDisabled', '=', false)
    .executeTakeFirst();
  if (!row) return undefined;
  const { sessionId: id, sessionCsrfToken, sessionExpiresAt, sessionLastSeenAt, ...rest } = row;
  const { tenantSlug, tenantName, tenantTimeZone, tenantDefaultLanguage, tenantCurrency, tenantIsPlatform, tenantCreatedAt, tenantCreatedBy, tenantUpdatedAt, tenantVersion, ...user } = rest;
  return {
    session: { id, csrfToken: sessionCsrfToken, expiresAt: sessionExpiresAt, lastSeenAt: sessionLastSeenAt },
    user,
    tenant: {
      id: tenantId,
      slug: tenantSlug,
      name: tenantName,
      timeZone: tenantTimeZone,
      defaultLanguage: tenantDefaultLanguage,
      currency: tenantCurrency,
      isPlatform: tenantIsPlatform,
      createdAt: tenantCreatedAt,
      createdBy: tenantCreatedBy,
      updatedAt: tenantUpdatedAt,
      version: tenantVersion,
    },
  };
}

/** Last seen, now: one statement outside any transaction, filtered like lookUpSession (decision 0009). */
export async function touchLookedUpSession(db: Kysely<DB>, tenantId: string, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: new Date() }).where('tenantId', '=', tenantId).where('id', '=', sessionId).execute();
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
