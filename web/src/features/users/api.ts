import { userListSchema, userSchema, type User, type UserCreate, type UserUpdate } from '@saferhood/contracts';
import { requestJson } from '../../lib/api-client';

export const USERS_QUERY_KEY = ['users'] as const;

export async function listUsers(): Promise<User[]> {
  const { items } = await requestJson('GET', '/users', userListSchema);
  return items;
}

export function createUser(user: UserCreate): Promise<User> {
  return requestJson('POST', '/users', userSchema, { body: user });
}

export function updateUser(id: string, update: UserUpdate): Promise<User> {
  return requestJson('PATCH', `/users/${encodeURIComponent(id)}`, userSchema, { body: update });
}
