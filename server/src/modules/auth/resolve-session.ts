import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../http/context';
import { lookUpSession, touchLookedUpSession } from './session.repository';
import { parseSessionCookie } from './session-token';

/** Writing last-seen on every request would double the writes; once a minute is precise enough for idling. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The caller behind a session cookie, or null if it is malformed, unknown, expired, idle or disabled.
 * Every authenticated request pays this, so it is one statement without a transaction of its own
 * (decision 0009), plus the last-seen write once a minute.
 */
export async function resolveSession(db: Kysely<DB>, config: Config, cookie: string | undefined): Promise<AuthContext | null> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return null;
  const now = Date.now();
  const found = await lookUpSession(db, parsed.tenantId, parsed.sessionId, new Date(now - config.session.idleMinutes * 60_000));
  if (!found) return null;
  if (now - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchLookedUpSession(db, parsed.tenantId, found.session.id);
  return {
    sessionId: found.session.id,
    csrfToken: found.session.csrfToken,
    expiresAt: found.session.expiresAt,
    user: found.user,
    tenant: found.tenant,
  };
}
