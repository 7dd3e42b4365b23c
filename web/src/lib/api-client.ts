import { problemSchema, type FieldError } from '@saferhood/contracts';
import { i18n } from './i18n';

/** A refusal from the API, parsed from its RFC 9457 problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | undefined,
    readonly fieldErrors: readonly FieldError[],
    /** From `Retry-After`, when the server says when to try again. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
  }
}

/** What a response schema must offer: the contracts' zod schemas fit. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const API_BASE = '/api/v1';

let csrfToken: string | null = null;
let handleUnauthenticated: (() => void) | null = null;

/** The signed-in session's CSRF token; sent with every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any call answers 401: the session is gone, so the app returns to sign-in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  handleUnauthenticated = handler;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status alone.
  }
  const problem = problemSchema.safeParse(body);
  if (problem.success) {
    const { status, code, detail, errors } = problem.data;
    return new ApiError(status, code, detail, errors ?? [], retryAfter);
  }
  const code = response.status >= 500 ? 'internal_error' : response.status === 401 ? 'unauthenticated' : 'conflict';
  return new ApiError(response.status, code, undefined, [], retryAfter);
}

type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  body?: unknown;
  /** A multipart upload (a file and its fields); the browser sets the content type and boundary. */
  form?: FormData;
  query?: Query;
}

/** The API's address for `path`, for links the browser follows itself (a CSV download, say). */
export function apiUrl(path: string, query: Query = {}): string {
  const url = new URL(API_BASE + path, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.pathname + url.search;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  if (response.ok) return response;
  const error = await toApiError(response);
  // A wrong password at sign-in is also a 401, but it is an answer, not a lost session.
  if (error.status === 401 && error.code !== 'invalid_credentials') handleUnauthenticated?.();
  throw error;
}

/** Calls the API and parses the JSON answer with `schema`. */
export async function requestJson<T>(method: Method, path: string, schema: ResponseSchema<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  return schema.parse(await response.json());
}

/** Calls the API for its effect only (204 No Content). */
export async function requestVoid(method: Method, path: string, options: RequestOptions = {}): Promise<void> {
  await send(method, path, options);
}
