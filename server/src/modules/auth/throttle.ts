import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import { withSystem } from '../../db/scope';
import type { DB } from '../../db/schema';
import { AppError } from '../../http/app-error';
import {
  type AttemptKey,
  countAccountFailures,
  countAddressFailures,
  deleteAttempt,
  insertFailedAttempt,
  isKnownAddress,
  lockAttemptKeys,
  markAttemptSucceeded,
} from './throttle.repository';

const DAY_MS = 24 * 60 * 60_000;
/** An address the account signed in from within this many days is its owner's own (decision 0008). */
export const KNOWN_ADDRESS_DAYS = 30;
/** Failures are remembered a day (the purge job deletes them then). */
export const FAILURE_MEMORY_MS = DAY_MS;
/** The delay after the account's limit is reached; it doubles with each further failure, up to the window. */
const FIRST_DELAY_MS = 30_000;

/**
 * Guards one password check (sign-in or password change), decision 0008. Under advisory locks on the
 * account and the address it counts the failures and, if the caller may try, records the attempt as
 * failed before the password is checked — so 40 parallel guesses are counted one after another and at
 * most the limit of them reach the password. Refuses with 429 and Retry-After:
 * - an address with `maxPerIp` failures in the window (any accounts) until the oldest leaves the window;
 * - an account with `maxPerAccount` failures in the last day for a growing delay after the latest one
 *   (30 s, 60 s, 2 min … up to the window). From an address the account signed in from in the last 30
 *   days only that address's own failures count, so a stranger's guesses never lock the owner out.
 * Returns the attempt's id: `attemptSucceeded` when the password was right, `attemptVoid` when the
 * request failed for a reason that is not a guess.
 */
export async function reserveAttempt(db: Kysely<DB>, config: Config, key: AttemptKey): Promise<string> {
  const windowMs = config.throttle.windowMinutes * 60_000;
  return withSystem(db, async (tx) => {
    await lockAttemptKeys(tx, key);
    const now = Date.now();
    const address = await countAddressFailures(tx, key.ip, new Date(now - windowMs));
    const isOwnersAddress = await isKnownAddress(tx, key, new Date(now - KNOWN_ADDRESS_DAYS * DAY_MS));
    const account = await countAccountFailures(tx, key, { since: new Date(now - FAILURE_MEMORY_MS), onlyFromIp: isOwnersAddress });
    const until = Math.max(
      address.count >= config.throttle.maxPerIp && address.oldest ? address.oldest.getTime() + windowMs : 0,
      account.count >= config.throttle.maxPerAccount && account.latest
        ? account.latest.getTime() + Math.min(windowMs, FIRST_DELAY_MS * 2 ** (account.count - config.throttle.maxPerAccount))
        : 0,
    );
    if (until > now) {
      const seconds = Math.max(1, Math.ceil((until - now) / 1000));
      throw new AppError('too_many_attempts', { params: { minutes: Math.ceil(seconds / 60) }, headers: { 'retry-after': String(seconds) } });
    }
    return insertFailedAttempt(tx, key);
  });
}

export async function attemptSucceeded(db: Kysely<DB>, attemptId: string): Promise<void> {
  await withSystem(db, (tx) => markAttemptSucceeded(tx, attemptId));
}

export async function attemptVoid(db: Kysely<DB>, attemptId: string): Promise<void> {
  await withSystem(db, (tx) => deleteAttempt(tx, attemptId));
}
