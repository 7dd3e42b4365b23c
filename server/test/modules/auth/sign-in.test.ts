import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem } from '../../../src/db/scope';
import { as, buildSignedIn, buildTenant, buildUser, signIn, TEST_PASSWORD } from '../../support/factories';
import { purgeExpired } from '../../../src/jobs/purge-expired';
import { hashPassword } from '../../../src/modules/auth/index';
import { createHash } from 'node:crypto';
import { createAppOn, createTestContext, type TestContext } from '../../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const login = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers });

describe('sign-in', () => {
  it('signs in with the right password and sets an httpOnly SameSite session cookie', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant, { role: 'supervisor' });
    const response = await login({ tenant: tenant.slug, email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'sh_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json()).toMatchObject({ user: { id: user.id, role: 'supervisor' }, tenant: { slug: tenant.slug } });
    expect(response.json().user).not.toHaveProperty('passwordHash');
  });

  it('stores only an argon2id hash of the password and only a hash of the session token', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const response = await login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD });
    const token = response.cookies.find((c) => c.name === 'sh_session')!.value.split('.')[1]!;
    const stored = await withSystem(ctx.database.db, (tx) => tx.selectFrom('sessions').select('id').where('tenantId', '=', tenant.id).execute());
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toContain(token);
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a wrong password, an unknown email and an unknown tenant alike: 401 problem+json', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    for (const body of [
      { tenant: tenant.slug, email: user.email, password: 'wrong password!' },
      { tenant: tenant.slug, email: 'nobody@example.test', password: TEST_PASSWORD },
      { tenant: 'no-such-city', email: user.email, password: TEST_PASSWORD },
    ]) {
      const response = await login(body, { 'accept-language': 'cs' });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 401, code: 'invalid_credentials', detail: 'Město, e-mail nebo heslo nesouhlasí.' });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it('refuses a disabled account with 403 account_disabled only when the password is right', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant, { isDisabled: true });
    expect((await login({ tenant: tenant.slug, email: user.email, password: 'wrong password!' })).json().code).toBe('invalid_credentials');
    const response = await login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('account_disabled');
  });

  it('refuses the public demo password when NODE_ENV=production', async () => {
    const production = await createAppOn(ctx, { env: 'production' });
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant, { passwordHash: await hashPassword('demo-password') });
    const payload = { tenant: tenant.slug, email: user.email, password: 'demo-password' };
    expect((await production.inject({ method: 'POST', url: '/api/v1/auth/login', payload })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })).statusCode).toBe(200);
    await production.close();
  });
});

describe('sign-in throttling', () => {
  it('locks an account after 5 failures in 15 minutes, even for the right password, with Retry-After', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    const headers = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 5; i += 1) {
      expect((await login({ tenant: tenant.slug, email: user.email, password: `wrong ${i}` }, headers)).statusCode).toBe(401);
    }
    const locked = await login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD }, { 'accept-language': 'hu' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'too_many_attempts' });
    expect(locked.json().detail).toMatch(/Túl sok sikertelen bejelentkezési kísérlet/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  });

  it('lets the account in again once the failures are older than the window', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    for (let i = 0; i < 5; i += 1) await login({ tenant: tenant.slug, email: user.email, password: `wrong ${i}` });
    expect((await login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD })).statusCode).toBe(429);
    await withSystem(ctx.database.db, (tx) =>
      sql`UPDATE sign_in_attempts SET at = at - interval '16 minutes' WHERE tenant_slug = ${tenant.slug}`.execute(tx),
    );
    expect((await login({ tenant: tenant.slug, email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('throttles an address that fails against many accounts (30 in 15 minutes)', async () => {
    const app = await createAppOn(ctx, { trustProxy: true, throttle: { windowMinutes: 15, maxPerAccount: 5, maxPerIp: 30 } });
    // A documentation address unique to this run, so a shared CI database holds no earlier failures for it.
    const address = `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}`;
    try {
      const tenant = await buildTenant(ctx.database.db);
      const user = await buildUser(ctx.database.db, tenant);
      const headers = { 'x-forwarded-for': address };
      for (let i = 0; i < 30; i += 1) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers,
          payload: { tenant: tenant.slug, email: `guess-${i}@example.test`, password: 'guess' },
        });
        expect(response.statusCode).toBe(401);
      }
      const blocked = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers,
        payload: { tenant: tenant.slug, email: user.email, password: TEST_PASSWORD },
      });
      expect(blocked.statusCode).toBe(429);
      const otherAddress = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': `${address}1` },
        payload: { tenant: tenant.slug, email: user.email, password: TEST_PASSWORD },
      });
      expect(otherAddress.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

/** The stored id of a session: SHA-256 of the cookie's token. */
const hashOf = (session: { cookie: string }) => createHash('sha256').update(session.cookie.split('.')[1]!).digest('hex');

describe('sessions', () => {
  const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });

  it('answers /me with 401 problem+json without a session or with a forged cookie', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const forged = await me(`sh_session=${crypto.randomUUID()}.${'A'.repeat(43)}`);
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('unauthenticated');
    expect((await me('sh_session=garbage')).statusCode).toBe(401);
  });

  it('expires a session idle for longer than the idle timeout', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    const session = await signIn(ctx.app, tenant, user);
    expect((await me(session.cookie)).statusCode).toBe(200);
    await withSystem(ctx.database.db, (tx) =>
      sql`UPDATE sessions SET last_seen_at = now() - interval '13 hours' WHERE tenant_id = ${tenant.id}`.execute(tx),
    );
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it('expires a session past its absolute lifetime however active it was', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    const session = await signIn(ctx.app, tenant, user);
    await withSystem(ctx.database.db, (tx) =>
      sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE tenant_id = ${tenant.id}`.execute(tx),
    );
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it('purges expired sessions and old sign-in attempts (successes after 30 days), and keeps live ones', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    const live = await signIn(ctx.app, tenant, user);
    await signIn(ctx.app, tenant, user);
    await login({ tenant: tenant.slug, email: user.email, password: 'wrong password!' });
    await withSystem(ctx.database.db, async (tx) => {
      await sql`UPDATE sessions SET expires_at = now() - interval '1 minute'
                 WHERE tenant_id = ${tenant.id} AND id = (SELECT min(id) FROM sessions WHERE tenant_id = ${tenant.id} AND id <> ${hashOf(live)})`.execute(tx);
      await sql`UPDATE sign_in_attempts SET at = now() - interval '31 days' WHERE tenant_slug = ${tenant.slug}`.execute(tx);
    });
    const purged = await purgeExpired(ctx.database.db);
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.signInAttempts).toBeGreaterThanOrEqual(3);
    expect((await me(live.cookie)).statusCode).toBe(200);
    const left = await withSystem(ctx.database.db, (tx) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM sessions WHERE tenant_id = ${tenant.id}`.execute(tx),
    );
    expect(left.rows[0]!.n).toBe(1);
  });

  it('signs out one session, and everywhere', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    const phone = await signIn(ctx.app, tenant, user);
    const laptop = await signIn(ctx.app, tenant, user);
    const tablet = await signIn(ctx.app, tenant, user);

    const out = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: as(phone) });
    expect(out.statusCode).toBe(204);
    expect((await me(phone.cookie)).statusCode).toBe(401);
    expect((await me(laptop.cookie)).statusCode).toBe(200);

    const everywhere = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: as(laptop) });
    expect(everywhere.statusCode).toBe(204);
    expect((await me(laptop.cookie)).statusCode).toBe(401);
    expect((await me(tablet.cookie)).statusCode).toBe(401);
  });

  it('ends the sessions of a user an admin disables', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const admin = await buildUser(ctx.database.db, tenant, { role: 'admin' });
    const assistant = await buildUser(ctx.database.db, tenant, { role: 'assistant' });
    const adminSession = await signIn(ctx.app, tenant, admin);
    const assistantSession = await signIn(ctx.app, tenant, assistant);
    const disabled = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${assistant.id}`,
      headers: as(adminSession),
      payload: { isDisabled: true, version: assistant.version },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await me(assistantSession.cookie)).statusCode).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the session’s CSRF token and changes nothing', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant, { displayName: 'Before' });
    const session = await signIn(ctx.app, tenant, user);
    for (const token of [undefined, 'not-the-token', `${session.csrfToken}x`]) {
      const response = await ctx.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { cookie: session.cookie, ...(token ? { 'x-csrf-token': token } : {}) },
        payload: { displayName: 'After' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('csrf_failed');
    }
    const profile = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(profile.json().user.displayName).toBe('Before');
  });

  it('accepts the same write with the token', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'assistant');
    const response = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(session), payload: { displayName: 'After' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.displayName).toBe('After');
  });
});
