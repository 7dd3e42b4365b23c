import { meSchema, type LoginRequest, type Me } from '@saferhood/contracts';
import { ApiError, requestJson, requestVoid } from '../../lib/api-client';

/** Who is signed in, or null when nobody is (the server answers 401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await requestJson('GET', '/me', meSchema);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function signIn(request: LoginRequest): Promise<Me> {
  return requestJson('POST', '/auth/login', meSchema, { body: request });
}

export function signOut(): Promise<void> {
  return requestVoid('POST', '/auth/logout');
}
