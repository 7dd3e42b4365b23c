import type { MeUpdate, PasswordChange } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import type { UserRow } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { hashPassword, verifyPassword } from './password';
import { deleteSession, deleteUserSessions } from './session.repository';
import { userAuditSnapshot } from './user.presenter';
import { findUserById, updateUserAtVersion } from './user.repository';
import { assertSupportedLanguage } from './user.service';

async function currentUser(tx: TenantTx, actor: Actor): Promise<UserRow> {
  const user = await findUserById(tx, actor.userId);
  if (!user) throw new AppError('unauthenticated');
  return user;
}

/** A person changes their own display name or language (remembered for every device). */
export async function updateProfile(tx: TenantTx, actor: Actor, input: MeUpdate): Promise<UserRow> {
  assertSupportedLanguage(input.language);
  const before = await currentUser(tx, actor);
  const after = await updateUserAtVersion(tx, before.id, before.version, input);
  if (!after) throw new AppError('version_conflict');
  await recordAudit(tx, {
    action: 'user.update_profile',
    resourceType: 'user',
    resourceId: before.id,
    actorId: actor.userId,
    before: userAuditSnapshot(before),
    after: userAuditSnapshot(after),
  });
  return after;
}

/** Changes one's own password and signs out every other session of the account. */
export async function changePassword(tx: TenantTx, actor: Actor, input: PasswordChange): Promise<void> {
  const user = await currentUser(tx, actor);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('current_password_wrong');
  const updated = await updateUserAtVersion(tx, user.id, user.version, {
    passwordHash: await hashPassword(input.newPassword),
    passwordChangedAt: new Date(),
  });
  if (!updated) throw new AppError('version_conflict');
  const signedOut = await deleteUserSessions(tx, user.id, actor.sessionId);
  await recordAudit(tx, {
    action: 'user.change_password',
    resourceType: 'user',
    resourceId: user.id,
    actorId: actor.userId,
    after: { otherSessionsSignedOut: signedOut },
  });
}

export async function signOut(tx: TenantTx, actor: Actor): Promise<void> {
  await deleteSession(tx, actor.sessionId);
  await recordAudit(tx, { action: 'session.sign_out', resourceType: 'user', resourceId: actor.userId, actorId: actor.userId });
}

export async function signOutEverywhere(tx: TenantTx, actor: Actor): Promise<void> {
  const count = await deleteUserSessions(tx, actor.userId);
  await recordAudit(tx, {
    action: 'session.sign_out_everywhere',
    resourceType: 'user',
    resourceId: actor.userId,
    actorId: actor.userId,
    after: { sessionsSignedOut: count },
  });
}
