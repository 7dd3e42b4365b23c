import { definePolicy } from './define';

/** The audit log of a tenant: read and verified by its admin, never changed by anyone. */
export const auditPolicy = definePolicy('audit', {
  list: ['admin'],
  verify: ['admin'],
});
