import { meSchema, type Me, type MeUpdate, type PasswordChange } from '@saferhood/contracts';
import { requestJson, requestVoid } from '../../lib/api-client';

export function updateProfile(update: MeUpdate): Promise<Me> {
  return requestJson('PATCH', '/me', meSchema, { body: update });
}

/** Other sessions of the person are signed out by the server; this one stays. */
export function changePassword(change: PasswordChange): Promise<void> {
  return requestVoid('POST', '/me/password', { body: change });
}

export function signOutEverywhere(): Promise<void> {
  return requestVoid('POST', '/auth/logout-everywhere');
}
