import { z } from 'zod';
import { languageSchema, textSchema } from './common';
import { passwordSchema, userSchema } from './users';
import { tenantSchema } from './tenants';

export const loginRequestSchema = z.strictObject({
  tenant: z.string().trim().toLowerCase().min(1).max(40),
  email: z.string().trim().toLowerCase().min(1).max(254),
  // Not passwordSchema: a sign-in must not reveal the password rules, and old passwords may be shorter.
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Who is signed in: the user, their tenant, the CSRF token for writes and what they may do. */
export const meSchema = z.object({
  user: userSchema,
  tenant: tenantSchema,
  language: languageSchema,
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const meUpdateSchema = z.strictObject({
  language: languageSchema.optional(),
  displayName: textSchema(200).optional(),
});
export type MeUpdate = z.infer<typeof meUpdateSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
