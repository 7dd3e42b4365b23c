import { z } from 'zod';

/** Roles a user holds within one tenant (city). */
export const TENANT_ROLES = [
  'coordinator',
  'supervisor',
  'assistant',
  'social_worker',
  'team_member',
  'evaluator',
  'interviewer',
  'admin',
] as const;

/** The platform operator manages tenants; it lives in the reserved `platform` tenant. */
export const ROLES = [...TENANT_ROLES, 'operator'] as const;

export const roleSchema = z.enum(ROLES);
export const tenantRoleSchema = z.enum(TENANT_ROLES);
export type Role = z.infer<typeof roleSchema>;
export type TenantRole = z.infer<typeof tenantRoleSchema>;

export const PLATFORM_TENANT_SLUG = 'platform';
