import { z } from 'zod';
import { emailSchema, idSchema, languageSchema, textSchema } from './common';

/** A city's short name in URLs and at sign-in: lowercase letters, digits and dashes. */
export const tenantSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/);

/** An IANA time zone name such as Europe/Prague; checked against the runtime's zone list. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', { message: 'not_supported' });

/** ISO 4217 currency code: CZK, HUF, EUR … */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/);

export const tenantSchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  defaultLanguage: languageSchema,
  currency: z.string(),
  isPlatform: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Tenant = z.infer<typeof tenantSchema>;

const tenantSettingsSchema = z.strictObject({
  name: textSchema(200),
  timeZone: timeZoneSchema,
  defaultLanguage: languageSchema,
  currency: currencySchema,
});

/** A new city opens with its settings and its first admin, who then runs the city's accounts. */
export const tenantCreateSchema = tenantSettingsSchema.extend({
  slug: tenantSlugSchema,
  admin: z.strictObject({
    email: emailSchema,
    displayName: textSchema(200),
    password: z.string().min(12).max(200),
  }),
});
export type TenantCreate = z.infer<typeof tenantCreateSchema>;

/** What the operator may change; `version` is the one the edit is based on. */
export const tenantUpdateSchema = tenantSettingsSchema.partial().extend({ version: z.number().int().min(1) });
export type TenantUpdate = z.infer<typeof tenantUpdateSchema>;

export const tenantListSchema = z.object({ items: z.array(tenantSchema) });

export const tenantIdParamsSchema = z.strictObject({ id: idSchema });
