import type { Role } from '../roles';
import { auditPolicy } from './audit.permissions';
import {
  activityStatementPolicy,
  fieldCategoryPolicy,
  fieldRecordPolicy,
  fieldSettingsPolicy,
  fieldTeamPolicy,
  shiftPolicy,
} from './field-work.permissions';
import { grantCondition, grantRole, type AccessContext, type Grant } from './define';
import { crimeDataPolicy, indicatorPolicy, localityPolicy, placePolicy } from './territory.permissions';
import { tenantPolicy } from './tenant.permissions';
import { userPolicy } from './user.permissions';

export type { AccessContext, Condition, Grant } from './define';

const POLICIES = [
  tenantPolicy,
  userPolicy,
  auditPolicy,
  localityPolicy,
  placePolicy,
  indicatorPolicy,
  crimeDataPolicy,
  fieldRecordPolicy,
  fieldCategoryPolicy,
  shiftPolicy,
  fieldTeamPolicy,
  fieldSettingsPolicy,
  activityStatementPolicy,
] as const;

type PolicyPermission<P> = P extends { resource: infer R extends string; actions: infer A }
  ? `${R}:${Extract<keyof A, string>}`
  : never;

/** Every permission, `resource:action`. */
export type Permission = PolicyPermission<(typeof POLICIES)[number]>;

const GRANTS = new Map<string, readonly Grant[]>(
  POLICIES.flatMap((policy) =>
    Object.entries<readonly Grant[]>(policy.actions).map(([action, grants]) => [`${policy.resource}:${action}`, grants]),
  ),
);

export const PERMISSIONS = [...GRANTS.keys()] as Permission[];

/** May `role` do `permission` to a record for which `context` holds? */
export function can(role: Role, permission: Permission, context: AccessContext = {}): boolean {
  return (GRANTS.get(permission) ?? []).some(
    (grant) => grantRole(grant) === role && isConditionMet(grantCondition(grant), context),
  );
}

/** May `role` do `permission` to at least some records? Routes check this before the service narrows. */
export function canSome(role: Role, permission: Permission): boolean {
  return (GRANTS.get(permission) ?? []).some((grant) => grantRole(grant) === role);
}

/** The permissions a role holds without conditions: what the UI shows outright. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((permission) => can(role, permission));
}

function isConditionMet(condition: string | undefined, context: AccessContext): boolean {
  return condition === undefined || context[condition as keyof AccessContext] === true;
}
