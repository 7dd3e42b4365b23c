import { TENANT_ROLES } from '../roles';
import { definePolicy } from './define';

/** Tenants (cities). Only the platform operator creates and changes them; everyone sees their own. */
export const tenantPolicy = definePolicy('tenant', {
  list: ['operator'],
  create: ['operator'],
  update: ['operator'],
  read: [...TENANT_ROLES, 'operator'],
});
