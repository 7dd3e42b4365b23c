import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the routes' zod schemas; UI at /api/docs, document at /api/docs/openapi.json. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Saferhood API',
        version: '1',
        description:
          'Errors are RFC 9457 application/problem+json with a stable `code` (see contracts/src/errors.ts) and a ' +
          'message in the language of Accept-Language (cs, hu, en). Writes with a session cookie need the ' +
          '`x-csrf-token` header from GET /api/v1/me.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sh_session' } },
      },
      security: [{ session: [] }],
    },
    // Each operation says what it needs: a permission (resource:action), any session, or none.
    transform: (input) => {
      const { schema, url } = jsonSchemaTransform(input);
      const access = input.route.config?.access ?? 'public';
      const described = [schema.description, `Access: \`${access}\`.`].filter(Boolean).join('\n\n');
      return { schema: { ...schema, description: described }, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/docs/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
}
