import type { Kysely } from 'kysely';
import { withSystem } from '../db/scope';
import type { DB } from '../db/schema';
import { deleteExpiredSessions, deleteSignInAttemptsBefore, FAILURE_MEMORY_MS, KNOWN_ADDRESS_DAYS } from '../modules/auth/index';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Deletes what is past its retention: expired sessions, failed sign-in attempts (email and address)
 * older than a day, and successful ones (the owner's known addresses, decision 0008) older than 30 days. Returns the counts so the log says what it did.
 */
export async function purgeExpired(db: Kysely<DB>): Promise<{ sessions: number; signInAttempts: number }> {
  return withSystem(db, async (tx) => {
    const sessions = await deleteExpiredSessions(tx);
    const signInAttempts = await deleteSignInAttemptsBefore(tx, new Date(Date.now() - FAILURE_MEMORY_MS), new Date(Date.now() - KNOWN_ADDRESS_DAYS * DAY_MS));
    return { sessions, signInAttempts };
  });
}
