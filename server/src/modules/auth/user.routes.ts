import { can, userCreateSchema, userIdParamsSchema, userListQuerySchema, userListSchema, userSchema, userUpdateSchema } from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { forbidden } from '../../http/app-error';
import { presentUser } from './user.presenter';
import { createUser, getUser, listTenantUsers, updateUser } from './user.service';

const tags = ['users'];

/** The tenant's accounts, run by its admin. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      schema: { tags, summary: 'List users', querystring: userListQuerySchema, response: { 200: userListSchema } },
      config: { access: 'user:list' },
    },
    async (request) => {
      const { role, includeDisabled } = request.query;
      const users = await withTenant(app.database.db, actorOf(request).tenantId, (tx) =>
        listTenantUsers(tx, { role, includeDisabled: includeDisabled === 'true' }),
      );
      return { items: users.map(presentUser) };
    },
  );

  app.get(
    '/users/:id',
    {
      schema: { tags, summary: 'Show a user', params: userIdParamsSchema, response: { 200: userSchema } },
      config: { access: 'user:read' },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!can(actor.role, 'user:read', { self: request.params.id === actor.userId })) throw forbidden();
      const user = await withTenant(app.database.db, actor.tenantId, (tx) => getUser(tx, request.params.id));
      return presentUser(user);
    },
  );

  app.post(
    '/users',
    {
      schema: { tags, summary: 'Create a user', body: userCreateSchema, response: { 201: userSchema } },
      config: { access: 'user:create', problems: ['email_taken'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await withTenant(app.database.db, actor.tenantId, (tx) => createUser(tx, actor, request.body));
      return reply.code(201).send(presentUser(user));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change, disable or re-enable a user',
        params: userIdParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
      config: { access: 'user:update', problems: ['email_taken', 'self_change_forbidden', 'version_conflict'] },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await withTenant(app.database.db, actor.tenantId, (tx) =>
        updateUser(tx, actor, request.params.id, request.body),
      );
      return presentUser(user);
    },
  );
};
