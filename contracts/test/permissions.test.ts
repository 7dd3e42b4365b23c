import { describe, expect, it } from 'vitest';
import { can, canSome, PERMISSIONS, permissionsOf, ROLES, TENANT_ROLES } from '../src/index';

describe('permission policies', () => {
  it('lets only the platform operator manage tenants', () => {
    for (const role of TENANT_ROLES) {
      expect(can(role, 'tenant:create'), role).toBe(false);
      expect(can(role, 'tenant:list'), role).toBe(false);
      expect(can(role, 'tenant:read'), role).toBe(true);
    }
    expect(can('operator', 'tenant:create')).toBe(true);
  });

  it('lets only the admin create and change users; the coordinator may list them', () => {
    expect(ROLES.filter((role) => can(role, 'user:create'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can(role, 'user:update'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can(role, 'user:list'))).toEqual(['coordinator', 'admin']);
  });

  it('lets everyone read their own user record, and only theirs unless admin or coordinator', () => {
    for (const role of ROLES) {
      expect(can(role, 'user:read', { self: true }), role).toBe(true);
      expect(canSome(role, 'user:read'), role).toBe(true);
    }
    expect(ROLES.filter((role) => can(role, 'user:read', { self: false }))).toEqual(['coordinator', 'admin']);
  });

  it('keeps the audit log to the admin', () => {
    expect(ROLES.filter((role) => can(role, 'audit:list'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can(role, 'audit:verify'))).toEqual(['admin']);
  });

  it('names permissions resource:action and lists a role’s unconditional ones', () => {
    for (const permission of PERMISSIONS) expect(permission).toMatch(/^[a-z_]+:[a-z_]+$/);
    expect(permissionsOf('assistant')).toEqual(['tenant:read', 'locality:list', 'locality:read', 'place:list', 'field_record:write', 'field_category:list']);
    expect(permissionsOf('admin')).toEqual(expect.arrayContaining(['user:create', 'audit:verify']));
  });
});

describe('territory policies', () => {
  it('lets the coordinator keep localities and import data; every city role read localities', () => {
    expect(ROLES.filter((role) => can(role, 'locality:import'))).toEqual(['coordinator']);
    expect(ROLES.filter((role) => can(role, 'crime_data:import'))).toEqual(['coordinator']);
    expect(TENANT_ROLES.every((role) => can(role, 'locality:read'))).toBe(true);
    expect(can('operator', 'locality:read')).toBe(false);
  });

  it('keeps registered-crime aggregates from the field roles', () => {
    for (const role of ['assistant', 'interviewer', 'social_worker'] as const) expect(can(role, 'crime_data:read'), role).toBe(false);
    expect(can('evaluator', 'crime_data:read')).toBe(true);
  });
});
