import type { SyncOutcome } from './outbox-types';

/** The first retry after a failed sync comes after about this long… */
export const RETRY_FIRST_MS = 1_000;
/** …doubling each time, up to this. */
export const RETRY_CAP_MS = 30_000;

/**
 * When to try a failed sync again, without waiting for a person: exponential backoff with jitter.
 * The n-th retry in a row waits between half and all of min(cap, first × 2ⁿ), so phones that lost the
 * network together do not all come back in the same second. `random` is Math.random in the app.
 */
export function retryDelayMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Outcomes a retry can fix by itself; a lost session needs the person to sign in. */
export function isRetryable(outcome: SyncOutcome): boolean {
  return outcome === 'offline' || outcome === 'server_unavailable';
}
