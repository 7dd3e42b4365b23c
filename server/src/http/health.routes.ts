import { healthSchema } from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { pingDatabase } from '../db/database';
import { AppError } from './app-error';

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
        schema: { tags: ['health'], summary: 'Readiness: the database answers within a second (503 when down or the pool is starved)', response: { 200: healthSchema, 503: healthSchema } },
        config: { access: 'public' },
      },
      async (request, reply) => {
        try {
          // A pool that cannot hand out a connection within a second is starved (a long import, a
          // lock queue): not ready, even though the database itself would answer.
          await withTimeout(pingDatabase(app.database.db), READY_TIMEOUT_MS);
          return { status: 'ok' as const };
        } catch (error) {
          request.log.warn({ err: error }, 'database not ready');
          return reply.code(503).send({ status: 'unavailable' as const });
        }
      },
    );

    app.get(
      '/metrics',
      // Not behind a session (a scraper has none), but behind METRICS_TOKEN or, without one, loopback only.
      { schema: { tags: ['health'], summary: 'Prometheus metrics', hide: true }, config: { access: 'public' } },
      async (request, reply) => {
        assertMetricsReader(request, app.config.metricsToken);
        return reply.type(metrics.contentType).send(await metrics.metrics());
      },
    );
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const digest = (text: string) => createHash('sha256').update(text).digest();

/** A bearer token equal to METRICS_TOKEN (compared in constant time); without one, the loopback address. */
function assertMetricsReader(request: FastifyRequest, token: string | undefined): void {
  if (!token) {
    // request.ip is the forwarded client behind a trusted proxy, so a proxy on loopback opens nothing.
    if (!LOOPBACK.has(request.ip)) throw new AppError('forbidden');
    return;
  }
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(given), digest(token))) throw new AppError('unauthenticated');
}

const READY_TIMEOUT_MS = 1_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no database connection within ${ms} ms`)), ms);
  });
  // The ping still runs when a connection frees up; its late answer (or error) is ignored.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
