import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildSignedIn, buildUser, signIn } from '../../support/factories';
import { createTestContext, type TestContext } from '../../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const newUser = { email: 'Nova.Asistentka@Example.test', displayName: 'Nová Asistentka', role: 'assistant', password: 'dlouhé heslo 2026' };

describe('users', () => {
  it('lets the admin create a user who can then sign in', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(session), payload: newUser });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'nova.asistentka@example.test', role: 'assistant', isDisabled: false, version: 1 });
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: tenant.slug, email: newUser.email, password: newUser.password },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a second user with the same email in the tenant: 409 email_taken', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    await ctx.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(session), payload: newUser });
    const again = await ctx.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(session), payload: newUser });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('email_taken');
  });

  it('refuses a short password with a per-field error', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as(session, { 'accept-language': 'en' }),
      payload: { ...newUser, password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'password', code: 'too_small', message: expect.stringContaining('12') }]);
  });

  it('refuses creating a platform operator from inside a city', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(session), payload: { ...newUser, role: 'operator' } });
    expect(response.statusCode).toBe(400);
  });

  it('refuses an edit based on a stale version: 409 version_conflict', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const user = await buildUser(ctx.database.db, tenant, { role: 'assistant' });
    const first = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: as(session), payload: { displayName: 'A', version: 1 } });
    expect(first.json().version).toBe(2);
    const stale = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: as(session), payload: { displayName: 'B', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });

  it('stops an admin disabling or demoting themselves', async () => {
    const { user, session } = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    for (const change of [{ isDisabled: true }, { role: 'assistant' }]) {
      const response = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        headers: as(session),
        payload: { ...change, version: user.version },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('self_change_forbidden');
    }
  });

  it('lets a coordinator list users but not create or change them; others not even list', async () => {
    const { tenant, session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const someone = await buildUser(ctx.database.db, tenant, { role: 'assistant' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: as(session) })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(session), payload: newUser })).statusCode).toBe(403);
    const change = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${someone.id}`,
      headers: as(session),
      payload: { isDisabled: true, version: 1 },
    });
    expect(change.statusCode).toBe(403);
    const assistant = await signIn(ctx.app, tenant, someone);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: as(assistant) })).statusCode).toBe(403);
  });

  it('lets anyone read their own user record but not a colleague’s', async () => {
    const { tenant, user, session } = await buildSignedIn(ctx.app, ctx.database.db, 'assistant');
    const colleague = await buildUser(ctx.database.db, tenant, { role: 'assistant' });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/users/${user.id}`, headers: as(session) })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/users/${colleague.id}`, headers: as(session) })).statusCode).toBe(403);
  });
});

describe('own profile', () => {
  it('remembers the chosen language for the user, and refuses one without a catalogue', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'assistant');
    const hungarian = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(session), payload: { language: 'hu' } });
    expect(hungarian.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: as(session) })).json()).toMatchObject({
      language: 'hu',
      user: { language: 'hu' },
    });
    const klingon = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(session), payload: { language: 'tlh' } });
    expect(klingon.statusCode).toBe(400);
    expect(klingon.json().errors).toEqual([expect.objectContaining({ field: 'language', code: 'not_supported' })]);
  });

  it('falls back to the tenant’s language for a user without one', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'evaluator');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: as(session) })).json()).toMatchObject({
      language: 'cs',
      user: { language: null },
      permissions: expect.not.arrayContaining(['user:create']),
    });
  });

  it('changes the password, signs out the other sessions and keeps this one', async () => {
    const { tenant, user, session } = await buildSignedIn(ctx.app, ctx.database.db, 'supervisor');
    const other = await signIn(ctx.app, tenant, user);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: as(session),
      payload: { currentPassword: 'not it at all', newPassword: 'a new long password' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('current_password_wrong');
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: as(session),
      payload: { currentPassword: 'correct horse battery', newPassword: 'a new long password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: as(session) })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: as(other) })).statusCode).toBe(401);
    await expect(signIn(ctx.app, tenant, user, 'a new long password')).resolves.toBeDefined();
  });
});
