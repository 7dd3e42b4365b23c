import { ROLES } from '../roles';
import { definePolicy } from './define';

const everyoneAboutThemselves = ROLES.map((role) => ({ role, if: 'self' as const }));

/** Users of one tenant. The admin runs accounts; the coordinator may see who is on staff. */
export const userPolicy = definePolicy('user', {
  list: ['admin', 'coordinator'],
  read: ['admin', 'coordinator', ...everyoneAboutThemselves],
  create: ['admin'],
  /** Rename, change role, disable, re-enable. People change their own profile through /me. */
  update: ['admin'],
});
