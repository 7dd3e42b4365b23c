import type { LoginRequest } from '@saferhood/contracts';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import { withSystem, withTenant } from '../../db/scope';
import type { DB } from '../../db/schema';
import { AppError } from '../../http/app-error';
import type { AuthContext } from '../../http/context';
import { recordAudit } from '../audit/index';
import { findTenantBySlug } from '../tenants/index';
import { DEMO_PASSWORD } from './demo-password';
import { spendVerificationTime, verifyPassword } from './password';
import { insertSession } from './session.repository';
import { formatSessionCookie, hashSessionToken, newCsrfToken, newSessionToken } from './session-token';
import { attemptSucceeded, reserveAttempt } from './throttle';
import { findUserByEmail, markSignedIn } from './user.repository';

export interface SignInOptions {
  db: Kysely<DB>;
  config: Config;
  input: LoginRequest;
  client: { ip: string; userAgent: string | null };
}

/**
 * Signs a person in: refuses while the account or the address is throttled (the attempt is recorded
 * as failed before the password is checked, so parallel guesses are counted; decision 0008), checks the password
 * (spending the same time when the account does not exist), opens a session and audits it.
 * Returns the cookie value and the new session's context.
 */
export async function signIn({ db, config, input, client }: SignInOptions): Promise<{ cookie: string; auth: AuthContext }> {
  const attempt = { tenantSlug: input.tenant, email: input.email, ip: client.ip };
  const attemptId = await reserveAttempt(db, config, attempt);

  const tenant = await withSystem(db, (tx) => findTenantBySlug(tx, input.tenant));
  const user = tenant ? await withTenant(db, tenant.id, (tx) => findUserByEmail(tx, input.email)) : undefined;
  const isPasswordRight = user ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!user) await spendVerificationTime(input.password);
  // The demo accounts' password is public: a production server never accepts it, whatever the data says.
  const isRefusedDemo = config.env === 'production' && input.password === DEMO_PASSWORD;

  if (!tenant || !user || !isPasswordRight || isRefusedDemo) {
    throw new AppError('invalid_credentials');
  }
  if (user.isDisabled) throw new AppError('account_disabled');

  const token = newSessionToken();
  const now = Date.now();
  const session = await withTenant(db, tenant.id, async (tx) => {
    const created = await insertSession(tx, {
      id: hashSessionToken(token),
      userId: user.id,
      csrfToken: newCsrfToken(),
      expiresAt: new Date(now + config.session.maxDays * 24 * 60 * 60_000),
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    });
    await markSignedIn(tx, user.id);
    await recordAudit(tx, { action: 'session.sign_in', resourceType: 'user', resourceId: user.id, actorId: user.id });
    return created;
  });
  await attemptSucceeded(db, attemptId);

  return {
    cookie: formatSessionCookie(tenant.id, token),
    auth: { sessionId: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt, user, tenant },
  };
}
