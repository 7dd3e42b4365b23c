import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ERROR_CATALOGUE, problemSchema, type ErrorCode } from '@saferhood/contracts';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteAccess } from './context';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Methods that change something: they carry the CSRF header and may have a body. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Any operation can fail unexpectedly or meet a database that is not there yet. */
const DEFAULT_PROBLEMS: ErrorCode[] = ['internal_error', 'service_unavailable', 'request_timed_out'];

/** What of a route decides the answers it can give; the same for the document and its test. */
export interface RouteShape {
  method: string;
  access: RouteAccess | undefined;
  skipCsrf?: boolean;
  hasParams: boolean;
  hasQuery: boolean;
  hasBody: boolean;
  /** A multipart upload (`readUpload`): a `file` part and form fields. */
  isUpload: boolean;
  /** The body carries an optimistic `version` / `baseVersion`. */
  isVersioned: boolean;
  /** Extra codes the route declares in `config.problems`. */
  problems?: readonly ErrorCode[];
}

/**
 * Every problem code an operation can answer, derived from what it is (the generic part) plus what it
 * declares. The access hook answers 401/403 before a handler runs, CSRF refuses writes, the schemas
 * refuse bad params/query/body with 400, a path id that is not in the caller's city is 404, a body
 * parser refuses a wrong, broken or too large body, a write can break a database rule (409), and an
 * optimistic version can be stale (409).
 */
export function problemsOf(route: RouteShape): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  const isWrite = WRITE_METHODS.has(route.method);
  if (route.access !== undefined && route.access !== 'public') {
    codes.add('unauthenticated').add('forbidden');
    if (isWrite && !route.skipCsrf) codes.add('csrf_failed');
  }
  if (route.hasParams || route.hasQuery || route.hasBody || route.isUpload) codes.add('validation_failed');
  // Any URL can fail to decode; a path parameter longer than any id is refused before validation.
  codes.add('bad_url');
  if (route.hasParams) codes.add('not_found').add('uri_too_long');
  if (isWrite) codes.add('malformed_json').add('payload_too_large').add('unsupported_media_type');
  if (isWrite && (route.hasBody || route.isUpload)) codes.add('conflict');
  if (route.isUpload) codes.add('file_required').add('malformed_multipart');
  if (route.isVersioned) codes.add('version_conflict');
  for (const code of route.problems ?? []) codes.add(code);
  return [...codes];
}

/** The RFC 9457 body (components.schemas.Problem): one type for a generated client. */
export function problemJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(problemSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  delete schema.$schema;
  return { ...schema, description: 'RFC 9457 problem details with a stable `code` (contracts/src/errors.ts) and per-field `errors`.' };
}

export const PROBLEM_SCHEMA_REF = '#/components/schemas/Problem';

/** The problem narrowed to one status and the codes that come with it. */
function problemAt(status: number | 'default', codes: readonly ErrorCode[]): Record<string, unknown> {
  const narrowing = { type: 'object', properties: { ...(status === 'default' ? {} : { status: { const: status } }), code: { enum: [...codes] } } };
  return { allOf: [{ $ref: PROBLEM_SCHEMA_REF }, narrowing] };
}

/** The `responses` entries for a route's problems: one per status, plus `default` for faults. */
export function problemResponses(codes: readonly ErrorCode[]): Record<string, { description: string; content: Record<string, { schema: unknown }> }> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CATALOGUE[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const entry = (status: number | 'default', group: readonly ErrorCode[]) => ({
    description: `Problem (RFC 9457): ${group.map((code) => `\`${code}\` – ${ERROR_CATALOGUE[code].when}`).join('; ')}.`,
    content: { [PROBLEM_MEDIA_TYPE]: { schema: problemAt(status, group) } },
    // A throttled caller is told when to come back.
    ...(status === 429 ? { headers: { 'retry-after': { description: 'Seconds to wait before trying again', type: 'integer' } } } : {}),
  });
  const responses: Record<string, ReturnType<typeof entry>> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) responses[String(status)] = entry(status, group);
  responses.default = entry('default', DEFAULT_PROBLEMS);
  return responses;
}

/** The bytes of a file answer (an export, a photo); Fastify sends a Buffer as it is. */
export const fileBytes = z.custom<Buffer | string>((value) => Buffer.isBuffer(value) || typeof value === 'string').meta({ type: 'string', format: 'binary' });

/**
 * One answer in several media types, chosen by the reply's Content-Type (Fastify serialises by it too):
 * `200: answerIn('The statement', { 'application/json': statementSchema, [PDF_TYPE]: fileBytes })`.
 */
export function answerIn<Content extends Record<string, z.ZodType>>(description: string, content: Content) {
  return {
    description,
    content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])) as { [Type in keyof Content]: { schema: Content[Type] } },
  };
}

/** A body schema (JSON Schema) with an optimistic version anywhere in it (a batch carries one per item). */
function hasVersionProperty(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const { properties } = schema as { properties?: Record<string, unknown> };
  if (properties && ('version' in properties || 'baseVersion' in properties)) return true;
  return Object.values(schema).some((value) => (Array.isArray(value) ? value.some(hasVersionProperty) : hasVersionProperty(value)));
}

/** The shape of a registered route, for the document and for tests. */
export function routeShape(route: Pick<RouteOptions, 'method' | 'url' | 'config' | 'schema'>, method: string): RouteShape {
  const schema = (route.schema ?? {}) as { params?: unknown; querystring?: unknown; body?: unknown; consumes?: readonly string[] };
  const config = (route.config ?? {}) as { access?: RouteAccess; skipCsrf?: boolean; problems?: readonly ErrorCode[] };
  const body = schema.body instanceof z.ZodType ? z.toJSONSchema(schema.body, { io: 'input', unrepresentable: 'any' }) : schema.body;
  return {
    method,
    access: config.access,
    skipCsrf: config.skipCsrf,
    hasParams: schema.params !== undefined || route.url.includes(':'),
    hasQuery: schema.querystring !== undefined,
    hasBody: schema.body !== undefined || (schema.consumes ?? []).some((type) => type !== 'multipart/form-data'),
    isUpload: (schema.consumes ?? []).includes('multipart/form-data'),
    isVersioned: hasVersionProperty(body),
    problems: config.problems,
  };
}

/** Who may call: nobody in particular (public), a session, or a session and its CSRF token (writes). */
function securityOf(shape: RouteShape): Record<string, string[]>[] {
  if (shape.access === undefined || shape.access === 'public') return [];
  if (WRITE_METHODS.has(shape.method) && !shape.skipCsrf) return [{ session: [], csrf: [] }];
  return [{ session: [] }];
}

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
          'message in the language of Accept-Language (cs, hu, en); each operation lists the codes it can answer. ' +
          'Writes with a session cookie need the `x-csrf-token` header from GET /api/v1/me.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sh_session', description: 'The session cookie set by POST /api/v1/auth/login.' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The session’s CSRF token (`csrfToken` of GET /api/v1/me); every write needs it.' },
        },
        schemas: { Problem: problemJsonSchema() },
      },
      security: [{ session: [] }],
    },
    // Each operation says what it needs (a permission, any session, or none) and every answer it can give.
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      const url = transformed.url;
      if (transformed.schema?.hide) return transformed;
      const schema = transformed.schema ?? {};
      const method = [input.route.method].flat()[0]!.toUpperCase();
      const shape = routeShape(input.route, method);
      const access = shape.access ?? 'public';
      const described = [schema.description, `Access: \`${access}\`.`].filter(Boolean).join('\n\n');
      // A route without a response schema still answers 200 with something; say so rather than nothing.
      const declared = (schema.response ?? { 200: { description: 'Undocumented answer', content: { '*/*': { schema: {} } } } }) as Record<string, unknown>;
      const problems = Object.fromEntries(Object.entries(problemResponses(problemsOf(shape))).filter(([status]) => !(status in declared)));
      const consumes = (input.route.schema as { consumes?: string[] } | undefined)?.consumes;
      const uploadBody =
        !schema.body && consumes?.includes('multipart/form-data')
          ? { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] }
          : !schema.body && consumes
            ? { type: 'string', format: 'binary' }
            : undefined;
      return {
        schema: {
          ...schema,
          ...(uploadBody ? { body: uploadBody } : {}),
          description: described,
          security: securityOf(shape),
          response: { ...declared, ...problems },
        },
        url,
      };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get(
    '/api/docs/openapi.json',
    {
      schema: { tags: ['docs'], summary: 'This OpenAPI 3.1 document', response: { 200: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) } },
      config: { access: 'public' },
    },
    async () => app.swagger(),
  );
}
