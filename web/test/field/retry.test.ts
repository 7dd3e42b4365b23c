import { describe, expect, test } from 'vitest';
import { isRetryable, RETRY_CAP_MS, retryDelayMs } from '../../src/field/sync/retry';

describe('the retry of a failed sync', () => {
  test('starts at about a second, doubles, stays under the cap, and is spread by jitter', () => {
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(0, () => 1)).toBe(1_000);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, () => 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
    for (const attempt of [5, 6, 20, 1_000]) {
      expect(retryDelayMs(attempt, () => 1)).toBe(RETRY_CAP_MS);
      expect(retryDelayMs(attempt, () => 0)).toBe(RETRY_CAP_MS / 2);
    }
  });

  test('retries by itself what the network or a busy server stopped, not a lost session', () => {
    expect(isRetryable('offline')).toBe(true);
    expect(isRetryable('server_unavailable')).toBe(true);
    expect(isRetryable('unauthenticated')).toBe(false);
    expect(isRetryable('done')).toBe(false);
  });
});
