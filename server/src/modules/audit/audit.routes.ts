import { auditListQuerySchema, auditListSchema, auditVerifySchema } from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { listAuditPage, sealCommitted } from './audit.service';
import { verifyAuditChain } from './verify-audit-chain';

const tags = ['audit'];

/** The tenant admin reads the audit log, newest first, and checks its chain. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-events',
    {
      schema: { tags, summary: 'List audit events', querystring: auditListQuerySchema, response: { 200: auditListSchema } },
      config: { access: 'audit:list' },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => listAuditPage(tx, actor, request.query));
    },
  );

  app.post(
    '/audit-events/verify',
    {
      schema: { tags, summary: 'Verify the audit chain', response: { 200: auditVerifySchema } },
      config: { access: 'audit:verify' },
    },
    async (request) => {
      // What is committed is sealed first (as the owner: the sealer is not the application role's to run).
      await sealCommitted(app.database.db);
      return withTenant(app.database.db, actorOf(request).tenantId, (tx) => verifyAuditChain(tx));
    },
  );
};
