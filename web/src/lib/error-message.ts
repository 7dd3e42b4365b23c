import type { TFunction } from 'i18next';
import { ApiError } from './api-client';

/** A sentence for the person in front of the screen, in the current language, for whatever went wrong. */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'too_many_attempts') {
      // The catalogue's message needs the wait in minutes; without Retry-After, the server's own words.
      if (error.retryAfterSeconds === null) return error.detail ?? t('errors.rate_limited');
      return t('errors.too_many_attempts', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
    }
    return t(`errors.${error.code}`, { defaultValue: error.detail ?? t('errors.internal_error') });
  }
  // fetch rejects with a TypeError when the network is down or the server unreachable.
  if (error instanceof TypeError) return t('common.networkError');
  return t('errors.internal_error');
}

export function isApiError(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

/** Per-field messages from a validation refusal, already translated by the server. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fieldErrors.map(({ field, message }) => [field, message]));
}
