import type { FieldRecord, FieldRecordBatchResult, FieldRecordCategory, Shift } from '@saferhood/contracts/field-work';
import type { Answer, BatchRecord, Point, ShiftAction, SyncTransport } from '../sync/outbox-types';

/**
 * The field app's few API calls, with plain fetch: the office app's client pulls in i18next and the
 * contracts index. Same rules: the session cookie, the CSRF token on writes, problem+json refusals.
 */

const API = '/api/v1';

/** The part of GET /me the field app uses. */
export interface FieldMe {
  user: { id: string; email: string; displayName: string; role: string; language: string | null };
  tenant: { id: string; slug: string; name: string; timeZone: string; defaultLanguage: string };
  language: string;
  csrfToken: string;
}

export interface FieldToday {
  date: string;
  shifts: Shift[];
  categories: FieldRecordCategory[];
  gpsCheckIn: boolean;
}

/** GET /territory/offline-copy, the parts the field app draws and offers. */
export interface OfflineCopy {
  version: string;
  localities: { id: string; name: string; kind: string; boundary: { type: 'MultiPolygon'; coordinates: number[][][][] } }[];
  places: { id: string; name: string; kind: string; geometry: { type: string; coordinates: unknown }; localityId: string | null }[];
}

export class FieldApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | undefined,
    /** The server's record, sent with a version conflict. */
    readonly current: FieldRecord | undefined,
  ) {
    super(detail ?? code);
    this.name = 'FieldApiError';
  }
}

let csrfToken: string | null = null;
let acceptLanguage = 'cs';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

interface RequestOptions {
  json?: unknown;
  raw?: Blob;
  headers?: Record<string, string>;
}

async function toApiError(response: Response): Promise<FieldApiError> {
  let body: { code?: unknown; detail?: unknown; current?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // A proxy's page, not problem+json: the status says enough.
  }
  const code = typeof body.code === 'string' ? body.code : response.status >= 500 ? 'internal_error' : 'http_' + response.status;
  return new FieldApiError(response.status, code, typeof body.detail === 'string' ? body.detail : undefined, body.current as FieldRecord | undefined);
}

/** Throws FieldApiError for a refusal and TypeError when the network fails. */
async function request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage, ...options.headers };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.raw) headers['content-type'] = options.raw.type;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(API + path, {
    method,
    headers,
    credentials: 'same-origin',
    cache: 'no-store',
    body: options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
  });
  if (!response.ok && response.status !== 304) throw await toApiError(response);
  return response;
}

async function requestJson<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  return (await (await request(method, path, options)).json()) as T;
}

export async function signIn(credentials: { tenant: string; email: string; password: string }): Promise<FieldMe> {
  const me = await requestJson<FieldMe>('POST', '/auth/login', { json: credentials });
  setCsrfToken(me.csrfToken);
  return me;
}

/** Who is signed in, or null (401). */
export async function fetchMe(): Promise<FieldMe | null> {
  try {
    const me = await requestJson<FieldMe>('GET', '/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof FieldApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signOut(): Promise<void> {
  await request('POST', '/auth/logout');
  setCsrfToken(null);
}

export function saveLanguage(language: string): Promise<unknown> {
  return requestJson('PATCH', '/me', { json: { language } });
}

export function fetchToday(date: string): Promise<FieldToday> {
  return requestJson('GET', `/field/today?date=${date}`);
}

export async function fetchOwnRecords(from: string, to: string): Promise<FieldRecord[]> {
  return (await requestJson<{ items: FieldRecord[] }>('GET', `/field-records?from=${from}&to=${to}`)).items;
}

/** The territory copy, unless the one we hold (`etag`) is still current (null then). */
export async function fetchOfflineCopy(etag: string | null): Promise<{ copy: OfflineCopy; etag: string | null } | null> {
  const response = await request('GET', '/territory/offline-copy', etag ? { headers: { 'if-none-match': etag } } : {});
  if (response.status === 304) return null;
  return { copy: (await response.json()) as OfflineCopy, etag: response.headers.get('etag') };
}

/** The outbox's way to the server: answers as values, a network failure as a thrown error. */
export function createHttpTransport(ensureCsrf: () => Promise<void>): SyncTransport {
  const answer = async <T>(send: () => Promise<T>): Promise<Answer<T>> => {
    try {
      await ensureCsrf();
      try {
        return { ok: true, value: await send() };
      } catch (error) {
        // A token from before a reload or a new sign-in elsewhere: fetch the session's and try once more.
        if (!(error instanceof FieldApiError && error.code === 'csrf_failed')) throw error;
        setCsrfToken(null);
        await ensureCsrf();
        return { ok: true, value: await send() };
      }
    } catch (error) {
      if (!(error instanceof FieldApiError)) throw error;
      return { ok: false, status: error.status, code: error.code, ...(error.detail ? { detail: error.detail } : {}), ...(error.current ? { current: error.current } : {}) };
    }
  };
  return {
    putRecords: (records: readonly BatchRecord[]) =>
      answer(async () => {
        const { results } = await requestJson<FieldRecordBatchResult>('POST', '/field-records/batch', {
          json: { records: records.map(({ id, body }) => ({ id, ...body })) },
        });
        // Each record's answer as its single PUT's would be: the record, or the refusal with its code.
        return results.map(({ id, status, record, problem }): { id: string; answer: Answer<FieldRecord> } => ({
          id,
          answer: record
            ? { ok: true, value: record }
            : {
                ok: false,
                status,
                code: problem?.code ?? 'internal_error',
                ...(problem?.detail ? { detail: problem.detail } : {}),
                ...(problem?.current ? { current: problem.current as FieldRecord } : {}),
              },
        }));
      }),
    putPhoto: (id: string, photo: Blob) => answer(async () => {
      await request('PUT', `/field-records/${id}/photo`, { raw: photo });
      return null;
    }),
    checkShift: (shiftId: string, action: ShiftAction, body: { at: string; location?: Point }) =>
      answer(() => requestJson<unknown>('POST', `/shifts/${shiftId}/${action}`, { json: body })),
  };
}
