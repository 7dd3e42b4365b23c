import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem } from '../../../src/db/scope';
import { purgeExpired } from '../../../src/jobs/purge-expired';
import { as, buildTenant, buildUser, signIn, TEST_PASSWORD } from '../../support/factories';
import { createAppOn, createTestContext, type TestContext } from '../../support/test-app';

/** Sign-in throttling under parallel requests, the password change, and the owner's own address (decision 0008). */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const LIMITS = { windowMinutes: 15, maxPerAccount: 5, maxPerIp: 1_000_000 };
/** A documentation address unique to this run, so a shared CI database holds no earlier failures for it. */
const uniqueAddress = () => `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}::${Math.floor(Math.random() * 0xffff).toString(16)}`;

describe('parallel sign-in attempts', () => {
  it('checks at most 5 of 40 parallel wrong passwords for one account; the rest are 429', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { tenant: tenant.slug, email: user.email, password: `wrong ${i}` } }),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
  });

  it('checks at most 30 parallel failures from one address across accounts', async () => {
    const app = await createAppOn(ctx, { trustProxy: true, throttle: { windowMinutes: 15, maxPerAccount: 5, maxPerIp: 30 } });
    try {
      const tenant = await buildTenant(ctx.database.db);
      const address = uniqueAddress();
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            headers: { 'x-forwarded-for': address },
            payload: { tenant: tenant.slug, email: `guess-${i}@example.test`, password: 'a guess!' },
          }),
        ),
      );
      expect(answers.filter((answer) => answer.statusCode === 401)).toHaveLength(30);
      expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(30);
    } finally {
      await app.close();
    }
  });
});

describe('a growing delay, not a lock, for the account owner', () => {
  it('lets the owner in from an address they signed in from, while a stranger’s guesses meet a growing delay', async () => {
    const app = await createAppOn(ctx, { trustProxy: true, throttle: LIMITS });
    try {
      const tenant = await buildTenant(ctx.database.db);
      const user = await buildUser(ctx.database.db, tenant);
      const home = uniqueAddress();
      const stranger = uniqueAddress();
      const login = (address: string, password: string) =>
        app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': address }, payload: { tenant: tenant.slug, email: user.email, password } });

      expect((await login(home, TEST_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 5; i += 1) expect((await login(stranger, `wrong ${i}`)).statusCode).toBe(401);
      const delayed = await login(stranger, TEST_PASSWORD);
      expect(delayed.statusCode).toBe(429);
      const firstDelay = Number(delayed.headers['retry-after']);
      expect(firstDelay).toBeGreaterThan(0);
      expect(firstDelay).toBeLessThanOrEqual(30);

      // The owner at home is not locked out by the stranger.
      expect((await login(home, TEST_PASSWORD)).statusCode).toBe(200);

      // After the delay one more guess is checked, and the next delay is longer.
      await withSystem(ctx.database.db, (tx) =>
        sql`UPDATE sign_in_attempts SET at = at - interval '31 seconds' WHERE tenant_slug = ${tenant.slug} AND NOT succeeded`.execute(tx),
      );
      expect((await login(stranger, 'wrong again')).statusCode).toBe(401);
      const longer = await login(stranger, TEST_PASSWORD);
      expect(longer.statusCode).toBe(429);
      expect(Number(longer.headers['retry-after'])).toBeGreaterThan(30);
      expect(Number(longer.headers['retry-after'])).toBeLessThanOrEqual(60);
    } finally {
      await app.close();
    }
  });

  it('keeps the owner’s known addresses for 30 days and failures for one day', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    await signIn(ctx.app, tenant, user);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { tenant: tenant.slug, email: user.email, password: 'wrong!' } });
    await withSystem(ctx.database.db, (tx) => sql`UPDATE sign_in_attempts SET at = now() - interval '2 days' WHERE tenant_slug = ${tenant.slug}`.execute(tx));
    await purgeExpired(ctx.database.db);
    const left = await withSystem(ctx.database.db, (tx) => tx.selectFrom('signInAttempts').select('succeeded').where('tenantSlug', '=', tenant.slug).execute());
    expect(left).toEqual([{ succeeded: true }]);
  });
});

describe('POST /me/password', () => {
  it('throttles guesses of the current password, in parallel too', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    const session = await signIn(ctx.app, tenant, user);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/v1/me/password',
          headers: as(session),
          payload: { currentPassword: `wrong guess ${i}`, newPassword: 'a brand new password 1' },
        }),
      ),
    );
    expect(answers.filter((answer) => answer.statusCode === 403)).toHaveLength(5);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(15);
    // Even the right current password waits now.
    const right = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: as(session),
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password 1' },
    });
    expect(right.statusCode).toBe(429);
  });
});
