import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/database';
import type { DeclaredRoute } from './http/context';
import { registerAccessHook } from './http/access-hook';
import { AppError } from './http/app-error';
import { healthRoutes } from './http/health.routes';
import { registerMetrics } from './http/metrics';
import { registerOpenApi } from './http/openapi';
import { ImportSlots } from './http/import-guard';
import { registerNoStore } from './http/no-store';
import { handleClientError, handleError, handleFrameworkError, sendProblem } from './http/problem';
import { serializeRequest } from './http/request-log';
import { UPLOAD_LIMIT_BYTES } from './http/upload';
import { zodValidatorCompiler } from './http/validation';
import { isPageRequest, registerWebApp } from './http/web-app';
import { auditRoutes } from './modules/audit/index';
import { authRoutes, userRoutes } from './modules/auth/index';
import { tenantRoutes } from './modules/tenants/index';
import { fieldAdminRoutes, fieldRecordRoutes, shiftRoutes, statementRoutes } from './modules/field-work/index';
import { crimeDataRoutes, indicatorRoutes, placeRoutes, territoryRoutes } from './modules/territory/index';

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Serve web/dist if it is built (off in API tests). */
  serveWebApp?: boolean;
  /** Where the built web app is (web/dist unless a test builds its own). */
  webRoot?: string;
}

/** JSON bodies of the API are small; file imports (later modules) set their own limits per route. */
const BODY_LIMIT_BYTES = 256 * 1024;

/** Routes owned by plugins (docs UI, and the web app's files at /*) are public by nature; ours all declare their access. */
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

/** Builds the whole application from its parts. main.ts listens; tests call this and use inject(). */
export async function buildApp({ config, database, logger = false, serveWebApp = false, webRoot }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Logged requests carry no query string, header or address (http/request-log.ts).
    logger: logger && { ...(logger === true ? {} : logger), serializers: { ...(logger === true ? {} : logger.serializers), req: serializeRequest } },
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('importSlots', new ImportSlots(config.imports.concurrency));

  const declaredRoutes: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declaredRoutes);
  app.addHook('onRoute', (route) => {
    const isPluginRoute = PLUGIN_PUBLIC_PREFIXES.some((prefix) => route.url.startsWith(prefix)) || route.url === '/*';
    if (isPluginRoute && route.config?.access === undefined) route.config = { ...route.config, access: 'public' };
    for (const method of [route.method].flat()) declaredRoutes.push({ method, url: route.url, access: route.config?.access, schema: route.schema });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables in style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The base map (MAP_SOURCES) loads style, tiles, glyphs and sprites by fetch and as images.
        imgSrc: ["'self'", 'data:', 'blob:', ...config.mapSources],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", ...config.mapSources],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES } });
  registerAccessHook(app);
  registerNoStore(app);
  const metrics = registerMetrics(app);
  await registerOpenApi(app);

  await app.register(healthRoutes(metrics));
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(tenantRoutes);
      await api.register(auditRoutes);
      await api.register(territoryRoutes);
      await api.register(placeRoutes);
      await api.register(indicatorRoutes);
      await api.register(crimeDataRoutes);
      await api.register(fieldRecordRoutes);
      await api.register(shiftRoutes);
      await api.register(fieldAdminRoutes);
      await api.register(statementRoutes);
    },
    { prefix: '/api/v1' },
  );

  const sendWebApp = serveWebApp ? await registerWebApp(app, webRoot) : null;
  app.setNotFoundHandler((request, reply) =>
    sendWebApp && isPageRequest(request) ? sendWebApp(reply, request.url.split('?')[0]) : sendProblem(reply, request, new AppError('not_found')),
  );
  return app;
}
