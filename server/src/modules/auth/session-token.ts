import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'sh_session';

/** A fresh secret for the cookie; the database keeps only its hash. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The cookie carries the tenant id beside the token so the session is found inside that tenant's
 * row-level-security scope (and, on Citus, on the tenant's shard).
 */
export function formatSessionCookie(tenantId: string, token: string): string {
  return `${tenantId}.${token}`;
}

export function parseSessionCookie(value: string | undefined): { tenantId: string; sessionId: string } | null {
  const match = value?.match(/^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/);
  return match ? { tenantId: match[1]!, sessionId: hashSessionToken(match[2]!) } : null;
}

export function isSameSecret(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
