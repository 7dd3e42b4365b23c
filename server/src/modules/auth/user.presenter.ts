import type { Role, User } from '@saferhood/contracts';
import type { UserRow } from '../../db/schema';

/** The user as the API shows it: never the password hash. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    language: row.language,
    isDisabled: row.isDisabled,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** What the audit log keeps of a user: no password hash, no sign-in times (they are not changes). */
export function userAuditSnapshot(row: UserRow) {
  const { lastSignInAt: _lastSignInAt, createdAt: _createdAt, ...snapshot } = presentUser(row);
  return snapshot;
}
