import type { Problem } from '@saferhood/contracts';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_CATALOGUE } from '@saferhood/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import { databaseErrorToAppError } from './db-errors';
import { FALLBACK_LANGUAGE, requestTranslator, translator } from './i18n';
import { issuesToFields, RequestValidationError } from './validation';

/** Fastify's own error codes that are the caller's fault, mapped to our catalogue. */
const FASTIFY_CODES: Record<string, AppError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_json',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_ERR_RATE_LIMIT: 'rate_limited',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_PROTO_VIOLATION: 'validation_failed',
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

/** Codes whose request URL is the bad input itself: their problem does not name it as `instance`. */
const URL_ECHO_FORBIDDEN = new Set<AppError['code']>(['bad_url', 'uri_too_long']);

/** Whatever was thrown, as one of our errors; unknown faults become internal_error. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) {
    return new AppError('validation_failed', { fields: issuesToFields(error.issues) });
  }
  const fastifyCode = (error as FastifyError | undefined)?.code;
  if (fastifyCode && FASTIFY_CODES[fastifyCode]) return new AppError(FASTIFY_CODES[fastifyCode]);
  if (error instanceof SyntaxError) return new AppError('malformed_json');
  // Plugins' own HTTP errors (static files: 403 for a directory, 404 for a missing file).
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (status === 404) return new AppError('not_found');
  if (status === 403) return new AppError('forbidden');
  return databaseErrorToAppError(error) ?? new AppError('internal_error');
}

/** The RFC 9457 body for an error, in the caller's language. */
export function buildProblem(error: AppError, request: FastifyRequest): Problem {
  const t = requestTranslator(request);
  const message = t(`errors.${error.code}`, error.options.params ?? {});
  const fields = error.options.fields;
  return {
    type: `urn:saferhood:problem:${error.code}`,
    title: message,
    status: error.status,
    code: error.code,
    detail: message,
    ...(URL_ECHO_FORBIDDEN.has(error.code) ? {} : { instance: request.url.split('?')[0] }),
    ...error.options.extensions,
    ...(fields && fields.length > 0
      ? {
          errors: fields.map(({ field, code, params }) => ({ field, code, message: t(`validation.${code}`, params ?? {}) })),
        }
      : {}),
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
  return reply.code(error.status).type('application/problem+json').send(buildProblem(error, request));
}

/** Fastify's error handler: log faults, never leak a stack, always answer problem+json. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code }, 'request refused');
  return sendProblem(reply, request, appError);
}

/**
 * Fastify's `frameworkErrors`: a URL that does not decode (400) or a path parameter longer than any id
 * (414). Answered like every other error, translated, and without repeating the URL.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  handleError(error, request, reply);
}

/**
 * Node's `clientError`: the HTTP parser refused the request before Fastify saw one (headers too large,
 * garbage, a request that never finished). No request means no Accept-Language: the problem is English.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: AppError['code'] =
    error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'client_timeout' : 'malformed_request';
  const { status } = ERROR_CATALOGUE[code];
  const message = translator(FALLBACK_LANGUAGE)(`errors.${code}`);
  const body = JSON.stringify({ type: `urn:saferhood:problem:${code}`, title: message, status, code, detail: message });
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nCache-Control: no-store\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
