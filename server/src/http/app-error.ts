import { ERROR_CATALOGUE, type ErrorCode, type FieldError } from '@saferhood/contracts';

export type FieldIssue = Omit<FieldError, 'message'> & { params?: Record<string, unknown> };

/**
 * The one error type the server throws on purpose. The code decides the HTTP status (contracts/errors.ts);
 * the message is looked up in the caller's language when the problem is written.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly options: {
      fields?: FieldIssue[];
      params?: Record<string, unknown>;
      headers?: Record<string, string>;
      /** Extra members of the problem body (RFC 9457 §3.2), e.g. the server's `current` version on a conflict. */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
