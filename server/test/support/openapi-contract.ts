import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { appendFileSync } from 'node:fs';
import { afterAll, afterEach } from 'vitest';

/**
 * The OpenAPI contract, checked on every answer of the API tests: each response an app built by
 * createTestContext/createAppOn sends is looked up in the app's own document (method + route pattern
 * → status → media type) and its body validated with a JSON Schema 2020-12 validator. A mismatch fails
 * the test that caused it (afterEach), or the file (afterAll) when it came from a beforeAll.
 */

interface MediaObject {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaObject>;
}
interface OperationObject {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
}

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/** Fastify's `/users/:id` as OpenAPI's `/users/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The schema with its `#/components/...` references replaced by what they point at, for a standalone validator. */
export function inlineRefs(schema: unknown, document: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, document));
  if (typeof schema !== 'object' || schema === null) return schema;
  const { $ref, ...rest } = schema as { $ref?: unknown };
  const inlined = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inlineRefs(value, document)]));
  if (typeof $ref !== 'string' || !$ref.startsWith('#/')) return $ref === undefined ? inlined : { $ref, ...inlined };
  const target = $ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  if (target === undefined) throw new Error(`OpenAPI document: ${$ref} points nowhere`);
  return Object.keys(inlined).length === 0 ? inlineRefs(target, document) : { allOf: [inlineRefs(target, document), inlined] };
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** Finds and checks answers against one document; compiled validators are kept per response. */
export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
  }

  /** Why the answer does not match the document, or undefined when it does. */
  /** `body` is null for no body, undefined for a stream (its bytes are not looked at). */
  check(answer: { method: string; url: string; status: number; contentType: string | undefined; body: string | Buffer | null | undefined }): string | undefined {
    const path = openApiPath(answer.url);
    const where = `${answer.method} ${path} → ${answer.status}`;
    const operation = this.document.paths[path]?.[answer.method.toLowerCase()];
    if (!operation) return `${where}: the operation is not in the document`;
    const { responses } = operation;
    const response =
      responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`] ?? (answer.status >= 500 ? responses.default : undefined);
    if (!response) return `${where}: the status is not documented (documented: ${Object.keys(responses).join(', ')})`;
    const text = answer.body === null || answer.body === undefined ? '' : answer.body.toString();
    if (!response.content) return text === '' && answer.body !== undefined ? undefined : `${where}: documented without a body, answered ${answer.contentType ?? 'no content type'}`;
    const mediaType = (answer.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const media = response.content[mediaType] ?? response.content['*/*'];
    if (!media) return `${where}: content type ${mediaType || '(none)'} not documented (documented: ${Object.keys(response.content).join(', ')})`;
    if (!isJsonMediaType(mediaType) || media.schema === undefined || answer.body === undefined) return undefined;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return `${where}: ${mediaType} that is not JSON: ${text.slice(0, 200)}`;
    }
    const key = `${answer.method} ${path} ${answer.status} ${mediaType}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(inlineRefs(media.schema, this.document) as object);
      this.validators.set(key, validate);
    }
    if (validate(data)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
    return `${where} ${mediaType}: ${errors.join('; ')} in ${text.slice(0, 300)}`;
  }
}

const mismatches: string[] = [];
let reported = 0;

/** Checks every answer of this app against its own OpenAPI document (see the file comment). */
export function installOpenApiContract(app: FastifyInstance): FastifyInstance {
  let checker: ContractChecker | undefined;
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.routeOptions.url;
    // Unmatched URLs (the not-found handler), HEAD/OPTIONS and routes kept out of the document (docs UI, metrics).
    if (!url || request.method === 'HEAD' || request.method === 'OPTIONS') return payload;
    if ((request.routeOptions.schema as { hide?: boolean } | undefined)?.hide) return payload;
    checker ??= new ContractChecker(app.swagger() as unknown as OpenApiDocument);
    // 204 and 304 carry no body (Fastify drops what a handler sent); a stream's bytes are not read here.
    const bodyless = reply.statusCode === 204 || reply.statusCode === 304;
    const body = bodyless || payload === null || payload === undefined ? null : typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : undefined;
    const contentType = reply.getHeader('content-type');
    const mismatch = checker.check({
      method: request.method,
      url,
      status: reply.statusCode,
      contentType: bodyless || contentType === undefined ? undefined : String(contentType),
      body: body as string | Buffer | null | undefined,
    });
    if (mismatch) {
      mismatches.push(mismatch);
      if (process.env.OPENAPI_CONTRACT_LOG) appendFileSync(process.env.OPENAPI_CONTRACT_LOG, `${mismatch}\n`);
    }
    return payload;
  });
  return app;
}

function failOnNewMismatches(): void {
  if (mismatches.length === reported) return;
  const fresh = mismatches.slice(reported);
  reported = mismatches.length;
  throw new Error(`${fresh.length} answer(s) do not match the OpenAPI document:\n- ${[...new Set(fresh)].join('\n- ')}`);
}

// Registered when a test file imports the test app, so every API test file is covered without a line of its own.
if (process.env.VITEST) {
  afterEach(failOnNewMismatches);
  afterAll(failOnNewMismatches);
}
