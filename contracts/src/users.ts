import { z } from 'zod';
import { emailSchema, idSchema, languageSchema, textSchema } from './common';
import { roleSchema, tenantRoleSchema } from './roles';

/** Long enough to resist guessing, short enough to type on a phone; no composition rules (NIST 800-63B). */
export const passwordSchema = z.string().min(12).max(200);

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  language: languageSchema.nullable(),
  isDisabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z.strictObject({
  email: emailSchema,
  displayName: textSchema(200),
  role: tenantRoleSchema,
  password: passwordSchema,
  language: languageSchema.optional(),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

/** What an admin may change; `version` is the one the edit is based on. */
export const userUpdateSchema = z.strictObject({
  displayName: textSchema(200).optional(),
  role: tenantRoleSchema.optional(),
  isDisabled: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userListQuerySchema = z.strictObject({
  role: tenantRoleSchema.optional(),
  includeDisabled: z.enum(['true', 'false']).default('true'),
});

export const userListSchema = z.object({ items: z.array(userSchema) });
export const userIdParamsSchema = z.strictObject({ id: idSchema });
