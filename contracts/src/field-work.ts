import { z } from 'zod';
import { idSchema, isoDateTimeSchema, problemSchema, textSchema } from './common';

/**
 * Field work: shifts of crime-prevention assistants, their field records (the activity diary), the
 * mentor's review and the monthly activity statement. The field app imports this file alone
 * (`@saferhood/contracts/field-work`), so it depends on nothing but zod and common.
 */

/** Duties a shift is planned for. */
export const DUTY_TYPES = ['school_crossing', 'bike_path', 'locality_patrol', 'transport_hub', 'public_office', 'event', 'other'] as const;
export type DutyType = (typeof DUTY_TYPES)[number];

/** `internal`: the programme's own; `restricted`: a signal of hidden crime, for its designated recipients. */
export const FIELD_RECORD_SENSITIVITIES = ['internal', 'restricted'] as const;

/** Who is told at once when a record of the category arrives. */
export const CATEGORY_ALERTS = ['none', 'mentor', 'signal_recipients'] as const;

/** Kinds of hidden crime a signal names; nothing more about the victim is stored. */
export const SIGNAL_KINDS = ['usury', 'harassment', 'abuse', 'domestic_violence', 'other'] as const;
/** Who the person agreed may contact them. */
export const SIGNAL_CONTACTS = ['social_worker', 'police', 'nobody'] as const;

export const FIELD_RECORD_STATUSES = ['submitted', 'approved', 'returned'] as const;
export type FieldRecordStatus = (typeof FIELD_RECORD_STATUSES)[number];

/** Where the record's place came from. */
export const LOCATION_SOURCES = ['gps', 'duty_place', 'map'] as const;

const categoryCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const labelsSchema = z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().trim().min(1).max(120));

export const fieldRecordCategorySchema = z.object({
  code: z.string(),
  /** In the caller's language. */
  label: z.string(),
  labels: z.record(z.string(), z.string()),
  /** One of the icon names the field app knows (FIELD_ICONS). */
  icon: z.string(),
  sensitivity: z.enum(FIELD_RECORD_SENSITIVITIES),
  alert: z.enum(CATEGORY_ALERTS),
  active: z.boolean(),
});
export type FieldRecordCategory = z.infer<typeof fieldRecordCategorySchema>;

/** Icon names the field app draws; a city picks one per category. */
export const FIELD_ICONS = [
  'school',
  'patrol',
  'order',
  'waste',
  'bar',
  'family',
  'talk',
  'signal',
  'shield',
  'referral',
  'alarm',
  'report',
  'office',
  'event',
  'other',
] as const;

export const fieldRecordCategoryCreateSchema = z.strictObject({
  code: categoryCodeSchema,
  labels: labelsSchema.refine((labels) => Object.keys(labels).length > 0),
  icon: z.enum(FIELD_ICONS),
  sensitivity: z.enum(FIELD_RECORD_SENSITIVITIES).default('internal'),
  alert: z.enum(CATEGORY_ALERTS).default('none'),
});
export const fieldRecordCategoryUpdateSchema = fieldRecordCategoryCreateSchema
  .omit({ code: true })
  .partial()
  .extend({ active: z.boolean().optional() });

/** The minimum a signal of hidden crime stores: no names, no free text. */
export const signalSchema = z.strictObject({
  kind: z.enum(SIGNAL_KINDS),
  contact: z.enum(SIGNAL_CONTACTS),
});

/** A position on Earth in WGS84: longitude −180…180, latitude −90…90. */
const wgs84PointSchema = z.strictObject({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
});

/** `PUT /field-records/{id}`: the client's UUID in the path creates, or with `baseVersion` updates. */
export const fieldRecordPutSchema = z.strictObject({
  category: categoryCodeSchema,
  occurredAt: isoDateTimeSchema,
  location: wgs84PointSchema,
  locationSource: z.enum(LOCATION_SOURCES).optional(),
  peopleCount: z.number().int().min(0).max(10000).optional(),
  note: z.string().trim().max(1000).optional(),
  urgent: z.boolean().optional(),
  shiftId: idSchema.optional(),
  signal: signalSchema.optional(),
  /** The version this edit was based on; absent when the record is new. */
  baseVersion: z.number().int().min(1).optional(),
});
export type FieldRecordPut = z.infer<typeof fieldRecordPutSchema>;

export const fieldRecordSchema = z.object({
  id: idSchema,
  assistantId: idSchema,
  assistantName: z.string(),
  category: z.string(),
  sensitivity: z.enum(FIELD_RECORD_SENSITIVITIES),
  occurredAt: z.string(),
  location: wgs84PointSchema,
  locationSource: z.enum(LOCATION_SOURCES).nullable(),
  localityId: idSchema.nullable(),
  peopleCount: z.number().int().nullable(),
  note: z.string().nullable(),
  urgent: z.boolean(),
  shiftId: idSchema.nullable(),
  signal: signalSchema.nullable(),
  hasPhoto: z.boolean(),
  status: z.enum(FIELD_RECORD_STATUSES),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** Corrections made after approval; the record shows the corrected values. */
  amendments: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type FieldRecord = z.infer<typeof fieldRecordSchema>;

/** At most this many records in one `POST /field-records/batch`; more is refused whole (422 batch_too_large). */
export const FIELD_RECORD_BATCH_MAX = 100;

/** One item of a batch: the record's id and the body its single PUT would carry. */
export const fieldRecordBatchItemSchema = fieldRecordPutSchema.extend({ id: idSchema });
export type FieldRecordBatchItem = z.infer<typeof fieldRecordBatchItemSchema>;

/**
 * The batch as the route reads it: each item needs only a string `id` here, so that an item that
 * fails `fieldRecordBatchItemSchema` is answered as its own 400 and does not spoil the others. The
 * item limit is checked by the route (422 batch_too_large), not by this schema.
 */
export const fieldRecordBatchSchema = z.strictObject({
  records: z.array(z.looseObject({ id: z.string().max(100) })).min(1),
});
export type FieldRecordBatch = { records: FieldRecordBatchItem[] };

/** Each item answered exactly as its single PUT would be: the record (200) or a problem (4xx). */
export const fieldRecordBatchResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      record: fieldRecordSchema.optional(),
      problem: problemSchema.optional(),
    }),
  ),
});
export type FieldRecordBatchResult = z.infer<typeof fieldRecordBatchResultSchema>;

/** Max. 20 MB raw photos are compressed on the phone; the server accepts at most this many bytes. */
export const FIELD_PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export const fieldRecordListQuerySchema = z.strictObject({
  from: isoDateTimeSchema.or(z.iso.date()).optional(),
  to: isoDateTimeSchema.or(z.iso.date()).optional(),
  localityId: idSchema.optional(),
  category: categoryCodeSchema.optional(),
  assistantId: idSchema.optional(),
  status: z.enum(FIELD_RECORD_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const fieldRecordListSchema = z.object({ items: z.array(fieldRecordSchema) });

export const fieldRecordReviewSchema = z.strictObject({
  decision: z.enum(['approve', 'return']),
  comment: z.string().trim().max(1000).optional(),
  version: z.number().int().min(1),
});

/** A correction of an approved record: the changed fields and why; the original stays. */
export const fieldRecordAmendmentCreateSchema = z.strictObject({
  changes: fieldRecordPutSchema.pick({ category: true, occurredAt: true, location: true, peopleCount: true, note: true, urgent: true }).partial(),
  reason: textSchema(1000),
  version: z.number().int().min(1),
});
export const fieldRecordAmendmentSchema = z.object({
  id: idSchema,
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  reason: z.string(),
  createdBy: idSchema,
  createdAt: z.string(),
});
export const fieldRecordAmendmentListSchema = z.object({ items: z.array(fieldRecordAmendmentSchema) });

/** The review queue: unreviewed records per assistant. */
export const reviewQueueSchema = z.object({
  assistants: z.array(z.object({ assistantId: idSchema, assistantName: z.string(), pending: z.number().int(), urgent: z.number().int() })),
});

export const fieldRecordSummaryQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  groupBy: z.enum(['category', 'locality', 'month', 'category,locality', 'category,month']).default('category'),
});
export const fieldRecordSummarySchema = z.object({
  rows: z.array(z.object({ category: z.string().optional(), localityId: idSchema.nullable().optional(), month: z.string().optional(), count: z.number().int() })),
  total: z.number().int(),
});

// ----- Shifts -----

const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const shiftSchema = z.object({
  id: idSchema,
  date: z.string(),
  /** Local times in the city's time zone, HH:MM; the instants are startsAt/endsAt. */
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  dutyType: z.enum(DUTY_TYPES),
  assistants: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      checkedInAt: z.string().nullable(),
      checkedOutAt: z.string().nullable(),
    }),
  ),
  placeIds: z.array(idSchema),
  localityIds: z.array(idSchema),
  note: z.string().nullable(),
  seriesId: idSchema.nullable(),
  cancelled: z.boolean(),
  version: z.number().int(),
});
export type Shift = z.infer<typeof shiftSchema>;

const shiftFields = {
  start: localTimeSchema,
  end: localTimeSchema,
  dutyType: z.enum(DUTY_TYPES),
  assistantIds: z.array(idSchema).min(1).max(20),
  placeIds: z.array(idSchema).max(20).default([]),
  localityIds: z.array(idSchema).max(20).default([]),
  note: z.string().trim().max(1000).optional(),
};

export const shiftCreateSchema = z.strictObject({ date: z.iso.date(), ...shiftFields });
export type ShiftCreate = z.infer<typeof shiftCreateSchema>;

export const shiftUpdateSchema = z
  .strictObject({ date: z.iso.date(), ...shiftFields, cancelled: z.boolean() })
  .partial()
  .extend({ version: z.number().int().min(1) });

/** "Every school day 07:30–08:00 at crossing X": weekdays between two dates, minus the dates skipped. */
export const shiftSeriesCreateSchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  /** Holidays and other days without the duty. */
  skipDates: z.array(z.iso.date()).max(366).default([]),
  ...shiftFields,
});
export const shiftSeriesResultSchema = z.object({ seriesId: idSchema, created: z.number().int(), shifts: z.array(shiftSchema) });

export const shiftListQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  assistantId: idSchema.optional(),
  teamId: idSchema.optional(),
});
export const shiftListSchema = z.object({ items: z.array(shiftSchema) });

/** Check-in and check-out are idempotent: a repeat (say, a resent offline request) keeps the first time. */
export const shiftCheckSchema = z.strictObject({
  at: isoDateTimeSchema,
  location: wgs84PointSchema.optional(),
});

// ----- Teams of assistants and who is told about signals -----

/** The people field work is planned with: assistants, mentors, and who may receive signals. */
export const FIELD_STAFF_ROLES = ['assistant', 'supervisor', 'social_worker', 'team_member'] as const;
export const fieldStaffListSchema = z.object({
  items: z.array(z.object({ id: idSchema, name: z.string(), role: z.enum(FIELD_STAFF_ROLES) })),
});

export const fieldTeamSchema = z.object({
  id: idSchema,
  name: z.string(),
  mentorId: idSchema.nullable(),
  memberIds: z.array(idSchema),
  version: z.number().int(),
});
export const fieldTeamCreateSchema = z.strictObject({
  name: textSchema(200),
  mentorId: idSchema.nullable().default(null),
  memberIds: z.array(idSchema).max(200).default([]),
});
export const fieldTeamUpdateSchema = fieldTeamCreateSchema.partial().extend({ version: z.number().int().min(1) });
export const fieldTeamListSchema = z.object({ items: z.array(fieldTeamSchema) });

export const fieldSettingsSchema = z.object({
  /** The social worker and the police contact who receive signals of hidden crime. */
  signalSocialWorkerId: idSchema.nullable(),
  signalPoliceContactId: idSchema.nullable(),
  /** Whether assistants' phones record GPS at check-in. */
  gpsCheckIn: z.boolean(),
});
export const fieldSettingsUpdateSchema = fieldSettingsSchema.partial().strict();

// ----- Notifications -----

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(['signal', 'offender_held', 'record_returned']),
  resourceType: z.string(),
  resourceId: idSchema,
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() });

// ----- Monthly activity statement -----

export const activityStatementQuerySchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  assistantId: idSchema.optional(),
  format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
  lang: z.enum(['cs', 'hu', 'en']).optional(),
});

export const activityStatementSchema = z.object({
  month: z.string(),
  tenantName: z.string(),
  assistant: z.object({ id: idSchema, name: z.string() }).nullable(),
  shifts: z.object({ count: z.number().int(), plannedHours: z.number(), workedHours: z.number() }),
  records: z.number().int(),
  byCategory: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() })),
  byLocality: z.array(z.object({ localityId: idSchema.nullable(), name: z.string(), count: z.number().int() })),
  urgent: z.number().int(),
  referrals: z.number().int(),
  signals: z.number().int(),
  approved: z.number().int(),
  /** Per assistant (in the programme's statement only). */
  assistants: z.array(z.object({ id: idSchema, name: z.string(), shifts: z.number().int(), workedHours: z.number(), records: z.number().int() })),
});
export type ActivityStatement = z.infer<typeof activityStatementSchema>;

/** What the field app needs for a day in the field, in one request (cached for offline use). */
export const fieldTodaySchema = z.object({
  date: z.string(),
  shifts: z.array(shiftSchema),
  categories: z.array(fieldRecordCategorySchema),
  gpsCheckIn: z.boolean(),
});
