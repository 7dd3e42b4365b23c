import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the library's default algorithm) with its default cost: 19 MiB memory, 2 passes,
 * 1 lane — OWASP's recommended minimum, about 30 ms here.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** Verified against when the account does not exist, so a wrong email takes as long as a wrong password. */
const UNKNOWN_ACCOUNT_HASH = hashPassword('no account has this password');

export async function spendVerificationTime(password: string): Promise<void> {
  await verifyPassword(await UNKNOWN_ACCOUNT_HASH, password);
}
