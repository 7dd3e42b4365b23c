/**
 * The closed catalogue of error codes. Each code has one HTTP status and says when it is thrown;
 * messages live in locales/<lang>.json under `errors.<code>`. A test checks every code has a message
 * in every language.
 */
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, when: 'body, query or path parameters do not match the schema; see `errors`' },
  malformed_json: { status: 400, when: 'the body is not valid JSON' },
  invalid_credentials: { status: 401, when: 'sign-in with an unknown tenant, email or a wrong password' },
  unauthenticated: { status: 401, when: 'no session, or the session expired or was signed out' },
  current_password_wrong: { status: 403, when: 'a password change gave the wrong current password' },
  csrf_failed: { status: 403, when: 'a cookie-authenticated write without the session’s CSRF token' },
  forbidden: { status: 403, when: 'the role may not do this' },
  account_disabled: { status: 403, when: 'the right password for an account an admin disabled' },
  not_found: { status: 404, when: 'no such resource in the caller’s tenant, or no such route' },
  method_not_allowed: { status: 405, when: 'the route exists but not with this method' },
  email_taken: { status: 409, when: 'another user of the tenant has this email' },
  slug_taken: { status: 409, when: 'another tenant has this slug (or it is reserved)' },
  version_conflict: { status: 409, when: 'the record changed since the version the client based its edit on' },
  record_locked: { status: 409, when: 'an approved field record was edited; corrections are amendments by the mentor' },
  shift_overlap: { status: 409, when: 'an assistant would be on two shifts at once; `errors` names who and when' },
  self_change_forbidden: { status: 409, when: 'an admin tried to disable or demote their own account' },
  conflict: { status: 409, when: 'a database rule (unique, foreign key, check) refused the change' },
  invalid_geometry: { status: 422, when: 'a drawn or sent area is not a valid polygon and cannot be repaired' },
  import_unreadable: { status: 422, when: 'an uploaded file is not JSON, not a FeatureCollection, or not the expected CSV' },
  import_has_invalid_features: { status: 422, when: 'an import would skip invalid features and skipping was not asked for; see `errors`' },
  import_has_invalid_rows: { status: 422, when: 'a table import (CSV, XLSX) has invalid rows; all or nothing, see `errors`' },
  batch_too_large: { status: 422, when: 'a batch of field records holds more items than the route takes (100); nothing is stored' },
  file_required: { status: 400, when: 'a multipart upload without its `file` part' },
  payload_too_large: { status: 413, when: 'the body is larger than the route accepts' },
  unsupported_media_type: { status: 415, when: 'the body is not of a type the route accepts' },
  too_many_attempts: { status: 429, when: 'too many failed sign-ins for this account or address; retry later' },
  rate_limited: { status: 429, when: 'too many requests from this address' },
  internal_error: { status: 500, when: 'an unexpected fault; details are only in the server log' },
  service_unavailable: { status: 503, when: 'the database is not reachable yet' },
  bad_url: { status: 400, when: 'the request URL cannot be decoded (the answer never repeats it)' },
  uri_too_long: { status: 414, when: 'a path parameter is longer than any id the API uses' },
  headers_too_large: { status: 431, when: 'the request line and headers exceed the server’s limit (answered in English: no request was read)' },
  malformed_request: { status: 400, when: 'the HTTP parser could not read the request (answered in English: no request was read)' },
  client_timeout: { status: 408, when: 'the request did not arrive in time (answered in English: no request was read)' },
  malformed_multipart: { status: 400, when: 'a multipart upload is truncated, empty or malformed' },
  import_too_many_rows: { status: 413, when: 'an import file has more rows or features than IMPORT_MAX_ROWS; nothing was read into the database' },
  import_busy: { status: 503, when: 'IMPORT_CONCURRENCY imports are already running in this process; retry later (Retry-After)' },
  request_timed_out: { status: 503, when: 'a statement or lock wait exceeded its timeout and was cancelled; the transaction was rolled back' },
} as const satisfies Record<string, { status: number; when: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** Codes of per-field validation errors; messages under `validation.<code>`. */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid_type',
  'invalid_format',
  'invalid_value',
  'too_small',
  'too_big',
  'unrecognized_key',
  'not_supported',
  'invalid',
  'geometry_unreadable',
  'not_an_area',
  'not_a_place',
  'unknown_place_kind',
  'invalid_geometry',
  'missing_name',
  'outside_city',
  'duplicate_code',
  'invalid_column',
  'unknown_category',
  'not_allowed_for_signal',
  'signal_required',
  'not_an_assistant',
  'unknown_reference',
  'end_before_start',
  'overlaps_shift',
  'not_your_shift',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
