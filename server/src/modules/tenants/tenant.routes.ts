import {
  tenantCreateSchema,
  tenantIdParamsSchema,
  tenantListSchema,
  tenantSchema,
  tenantUpdateSchema,
} from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withSystem } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { createTenant, listAllTenants, updateTenant } from './tenant.service';
import { presentTenant } from './tenant.presenter';

const tags = ['tenants'];

/** The platform operator's register of cities. Cross-tenant by nature, so these run as system. */
export const tenantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tenants',
    { schema: { tags, summary: 'List tenants', response: { 200: tenantListSchema } }, config: { access: 'tenant:list' } },
    async () => {
      const tenants = await withSystem(app.database.db, (tx) => listAllTenants(tx));
      return { items: tenants.map(presentTenant) };
    },
  );

  app.post(
    '/tenants',
    {
      schema: { tags, summary: 'Create a tenant', body: tenantCreateSchema, response: { 201: tenantSchema } },
      config: { access: 'tenant:create', problems: ['slug_taken'] },
    },
    async (request, reply) => {
      const tenant = await withSystem(app.database.db, (tx) => createTenant(tx, actorOf(request), request.body));
      return reply.code(201).send(presentTenant(tenant));
    },
  );

  app.patch(
    '/tenants/:id',
    {
      schema: {
        tags,
        summary: 'Change a tenant',
        params: tenantIdParamsSchema,
        body: tenantUpdateSchema,
        response: { 200: tenantSchema },
      },
      config: { access: 'tenant:update', problems: ['slug_taken', 'version_conflict'] },
    },
    async (request) => {
      const tenant = await withSystem(app.database.db, (tx) =>
        updateTenant(tx, actorOf(request), request.params.id, request.body),
      );
      return presentTenant(tenant);
    },
  );
};
