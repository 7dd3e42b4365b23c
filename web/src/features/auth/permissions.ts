import type { Me, Permission } from '@saferhood/contracts';

/** What the UI offers follows the permissions the server computed for this person (contracts' policies). */
export function hasPermission(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
