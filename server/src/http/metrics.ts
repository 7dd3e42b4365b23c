import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics: the process defaults and one histogram of request durations by route. */
export function registerMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = routeLabel(request.routeOptions.url, request.routeOptions.config?.access);
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  return registry;
}

/**
 * The route label: the pattern, not the URL, so ids do not explode the label set. Routes behind a
 * session are aggregated to their area (`/api/v1/field-records`), so the metrics do not tell how
 * often, say, signals of hidden crime were read; only public routes keep their own label.
 */
export function routeLabel(url: string | undefined, access: unknown): string {
  if (!url) return 'unmatched';
  if (access === 'public' || !url.startsWith('/api/v1/')) return url;
  return `/api/v1/${url.slice('/api/v1/'.length).split('/')[0]}`;
}
