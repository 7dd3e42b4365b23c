import { loginRequestSchema, meSchema, meUpdateSchema, passwordChangeSchema } from '@saferhood/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { requireAuth } from '../../http/context';
import { presentMe } from './me.presenter';
import { changePassword, signOut, signOutEverywhere, updateProfile } from './profile.service';
import { SESSION_COOKIE } from './session-token';
import { signIn } from './sign-in';
import { attemptSucceeded, attemptVoid, reserveAttempt } from './throttle';

const noContent = { 204: z.null().describe('Done') };

/** Sign-in, sign-out and the signed-in person's own profile. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in', body: loginRequestSchema, response: { 200: meSchema } },
      config: { access: 'public', skipCsrf: true, problems: ['invalid_credentials', 'account_disabled', 'too_many_attempts'] },
    },
    async (request, reply) => {
      const { cookie, auth } = await signIn({
        db: app.database.db,
        config: app.config,
        input: request.body,
        client: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      });
      reply.setCookie(SESSION_COOKIE, cookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.session.cookieSecure,
        expires: auth.expiresAt,
      });
      request.auth = auth;
      return presentMe(auth);
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out of this session', response: noContent }, config: { access: 'authenticated' } },
    async (request, reply) => {
      const actor = actorOf(request);
      await withTenant(app.database.db, actor.tenantId, (tx) => signOut(tx, actor));
      return clearCookie(reply).code(204).send(null);
    },
  );

  app.post(
    '/auth/logout-everywhere',
    {
      schema: { tags: ['auth'], summary: 'Sign out of every session of this account', response: noContent },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await withTenant(app.database.db, actor.tenantId, (tx) => signOutEverywhere(tx, actor));
      return clearCookie(reply).code(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: meSchema } }, config: { access: 'authenticated' } },
    async (request) => presentMe(requireAuth(request)),
  );

  app.patch(
    '/me',
    {
      schema: { tags: ['auth'], summary: 'Change one’s own name or language', body: meUpdateSchema, response: { 200: meSchema } },
      config: { access: 'authenticated', problems: ['version_conflict'] },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await withTenant(app.database.db, actor.tenantId, (tx) => updateProfile(tx, actor, request.body));
      return presentMe({ ...requireAuth(request), user });
    },
  );

  app.post(
    '/me/password',
    {
      schema: { tags: ['auth'], summary: 'Change one’s own password', body: passwordChangeSchema, response: noContent },
      config: { access: 'authenticated', problems: ['current_password_wrong', 'too_many_attempts', 'version_conflict'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { user, tenant } = requireAuth(request);
      // Guessing the current password is guessing the account's password: the sign-in throttle applies.
      const attemptId = await reserveAttempt(app.database.db, app.config, { tenantSlug: tenant.slug, email: user.email, ip: request.ip });
      try {
        await withTenant(app.database.db, actor.tenantId, (tx) => changePassword(tx, actor, request.body));
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'current_password_wrong')) await attemptVoid(app.database.db, attemptId);
        throw error;
      }
      await attemptSucceeded(app.database.db, attemptId);
      return reply.code(204).send(null);
    },
  );
};
