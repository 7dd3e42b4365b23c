import type { UserCreate, UserUpdate } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { UserRow } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { isSupportedLanguage } from '../../http/i18n';
import { recordAudit } from '../audit/index';
import { hashPassword } from './password';
import { deleteUserSessions } from './session.repository';
import { userAuditSnapshot } from './user.presenter';
import { findUserById, insertUser, listUsers, updateUserAtVersion } from './user.repository';

export function assertSupportedLanguage(language: string | undefined, field = 'language'): void {
  if (language !== undefined && !isSupportedLanguage(language)) {
    throw new AppError('validation_failed', { fields: [{ field, code: 'not_supported' }] });
  }
}

export const listTenantUsers = listUsers;

export async function getUser(tx: TenantTx, id: string): Promise<UserRow> {
  const user = await findUserById(tx, id);
  if (!user) throw new AppError('not_found');
  return user;
}

/** The admin opens an account. The email must be free in this tenant (a database UNIQUE says so). */
export async function createUser(tx: TenantTx, actor: Actor, input: UserCreate): Promise<UserRow> {
  assertSupportedLanguage(input.language);
  const user = await insertUser(tx, {
    id: uuidv7(),
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    language: input.language ?? null,
    passwordHash: await hashPassword(input.password),
    createdBy: actor.userId,
  });
  await recordAudit(tx, {
    action: 'user.create',
    resourceType: 'user',
    resourceId: user.id,
    actorId: actor.userId,
    after: userAuditSnapshot(user),
  });
  return user;
}

/**
 * The admin renames, changes the role of, disables or re-enables an account. Disabling signs the user
 * out everywhere at once. An admin cannot lock themselves out.
 */
export async function updateUser(tx: TenantTx, actor: Actor, id: string, input: UserUpdate): Promise<UserRow> {
  const before = await getUser(tx, id);
  const { version, ...changes } = input;
  const isSelf = id === actor.userId;
  if (isSelf && ((changes.role && changes.role !== before.role) || changes.isDisabled === true)) {
    throw new AppError('self_change_forbidden');
  }
  const after = await updateUserAtVersion(tx, id, version, changes);
  if (!after) throw new AppError('version_conflict');
  if (after.isDisabled && !before.isDisabled) await deleteUserSessions(tx, id);
  await recordAudit(tx, {
    action: after.isDisabled !== before.isDisabled ? (after.isDisabled ? 'user.disable' : 'user.enable') : 'user.update',
    resourceType: 'user',
    resourceId: id,
    actorId: actor.userId,
    before: userAuditSnapshot(before),
    after: userAuditSnapshot(after),
  });
  return after;
}
