import { healthSchema } from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { pingDatabase } from '../db/database';

/** Liveness (the process answers), readiness (the database answers) and Prometheus metrics. */
export function healthRoutes(metrics: Registry): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      { schema: { tags: ['health'], summary: 'Liveness', response: { 200: healthSchema } }, config: { access: 'public' } },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        schema: { tags: ['health'], summary: 'Readiness: the database answers', response: { 200: healthSchema, 503: healthSchema } },
        config: { access: 'public' },
      },
      async (request, reply) => {
        try {
          await pingDatabase(app.database.db);
          return { status: 'ok' as const };
        } catch (error) {
          request.log.warn({ err: error }, 'database not ready');
          return reply.code(503).send({ status: 'unavailable' as const });
        }
      },
    );

    app.get(
      '/metrics',
      { schema: { tags: ['health'], summary: 'Prometheus metrics', hide: true }, config: { access: 'public' } },
      async (_request, reply) => reply.type(metrics.contentType).send(await metrics.metrics()),
    );
  };
}
