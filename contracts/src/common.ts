import { z } from 'zod';

/** Ids are UUIDs (v7 when we make them); clients may generate them too. */
export const idSchema = z.uuid();

/** A language code; the set on offer is whatever locale catalogues exist (see locales/). */
export const languageSchema = z.string().regex(/^[a-z]{2,3}$/);
export type Language = z.infer<typeof languageSchema>;

export const emailSchema = z.email().max(254).transform((value) => value.toLowerCase());

/** Free text a person types: trimmed, bounded, never empty. */
export const textSchema = (max: number) => z.string().trim().min(1).max(max);

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const pageQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const fieldErrorSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, with our stable `code` and per-field `errors`. */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;
