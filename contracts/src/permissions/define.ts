import type { Role } from '../roles';

/**
 * A condition narrows a grant to some records. The caller states which conditions hold for the record
 * at hand (`{ self: true }`); for lists the server turns the same condition into an indexed SQL filter.
 */
export type Condition = 'self' | 'own' | 'recipient';
export type AccessContext = Partial<Record<Condition, boolean>>;

/** A grant: a role, optionally only when a condition holds. */
export type Grant = Role | { role: Role; if: Condition };

export type ResourcePolicy<Action extends string> = Readonly<Record<Action, readonly Grant[]>>;

/** Declares one resource's actions and who may do them. */
export function definePolicy<const Resource extends string, const Action extends string>(
  resource: Resource,
  actions: ResourcePolicy<Action>,
): { resource: Resource; actions: ResourcePolicy<Action> } {
  return { resource, actions };
}

export const grantRole = (grant: Grant): Role => (typeof grant === 'string' ? grant : grant.role);
export const grantCondition = (grant: Grant): Condition | undefined =>
  typeof grant === 'string' ? undefined : grant.if;
