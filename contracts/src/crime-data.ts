import { z } from 'zod';

export const crimeImportResultSchema = z.object({
  /** Offences newly stored. */
  imported: z.number().int(),
  /** Offences already stored (same police id): an import is idempotent. */
  duplicates: z.number().int(),
  /** Offences outside the city's area, counted and skipped. */
  outsideArea: z.number().int(),
  invalid: z.array(z.object({ index: z.number().int(), code: z.string(), reason: z.string() })),
});
export type CrimeImportResult = z.infer<typeof crimeImportResultSchema>;

const isoDate = z.iso.date();

export const CRIME_GROUP_KEYS = ['locality', 'class', 'type', 'month'] as const;

export const crimeSummaryQuerySchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  /** Comma-separated dimensions, e.g. `locality,class` or `month`. */
  groupBy: z
    .string()
    .default('locality,class')
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(CRIME_GROUP_KEYS)).min(1).max(3)),
  localityId: z.uuid().optional(),
});

export const crimeSummaryRowSchema = z.object({
  localityId: z.string().nullable().optional(),
  class: z.number().int().optional(),
  type: z.number().int().optional(),
  month: z.string().optional(),
  count: z.number().int(),
});
export const crimeSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.array(z.enum(CRIME_GROUP_KEYS)),
  rows: z.array(crimeSummaryRowSchema),
  total: z.number().int(),
});
export type CrimeSummary = z.infer<typeof crimeSummarySchema>;

export const crimeTypeSchema = z.object({ code: z.number().int(), parent: z.number().int().nullable(), topClass: z.number().int(), level: z.number().int(), name: z.string(), /** The offence itself (e.g. "vražda"), Czech only: the police code list has no other language. */ description: z.string().nullable() });
export const crimeTypeListSchema = z.object({ items: z.array(crimeTypeSchema) });
