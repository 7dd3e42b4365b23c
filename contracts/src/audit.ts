import { z } from 'zod';
import type { Permission } from './permissions/index';

export const auditEventSchema = z.object({
  /** The entry's number (from a sequence when written: increasing, not contiguous). The cursor. */
  seq: z.number().int(),
  /** Its place in the city's hash chain; null until the sealer (a few seconds) has sealed it. */
  chainSeq: z.number().int().nullable(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /**
   * `shown`; `withheld`: the payload holds restricted data the reader's role may not read (before and
   * after are null); `redacted`: erased or anonymised (what is shown is what remains).
   */
  payload: z.enum(['shown', 'withheld', 'redacted']),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListQuerySchema = z.strictObject({
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditListSchema = z.object({ items: z.array(auditEventSchema), nextBeforeSeq: z.number().int().nullable() });

/**
 * What can be wrong at the first bad entry of a chain: a link missing or out of order, its entry
 * missing or changed, an unredacted payload changed, the head not at the last link, the latest anchor
 * changed or missing, an entry written around the chain (neither sealed nor queued), a payload marked
 * redacted without the `audit.redact` entry every redaction writes.
 */
export const CHAIN_PROBLEMS = [
  'link_missing',
  'link_out_of_order',
  'entry_missing',
  'entry_changed',
  'payload_changed',
  'head_mismatch',
  'anchor_mismatch',
  'anchor_missing',
  'entry_outside_chain',
  'redaction_unaudited',
] as const;
export type ChainProblem = (typeof CHAIN_PROBLEMS)[number];

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  /** Entries whose payload was redacted: their payload cannot be checked, the rest of them is. */
  redacted: z.number().int(),
  /** What is wrong at firstBrokenSeq (see decision 0007). */
  problem: z.enum(CHAIN_PROBLEMS).nullable(),
});
export type AuditVerify = z.infer<typeof auditVerifySchema>;

/**
 * What an audit action's payload (its before/after snapshots) may hold:
 * - `personalData`: data about an identifiable person (a name, an e-mail, a note, a time and place), so
 *   the payload may have to be erased or anonymised (GDPR Art. 17, retention) with `redactAuditPayload`;
 * - `readableWith`: the payload holds restricted data (signals of hidden crime, record notes) and is
 *   shown in the audit log only to a role holding this permission outright; every such read is
 *   access-logged. `null`: whoever may read the audit log may read the payload.
 */
export interface AuditActionInfo {
  /** What an entry of this action records. */
  records: string;
  resourceType: string;
  personalData: boolean;
  readableWith: Permission | null;
}

const action = (resourceType: string, records: string, personalData: boolean, readableWith: Permission | null = null): AuditActionInfo => ({
  records,
  resourceType,
  personalData,
  readableWith,
});
const RESTRICTED_RECORD: Permission = 'field_record:read_restricted';

/**
 * The closed catalogue of audit actions. `recordAudit` accepts only these (typed, and checked when
 * written); a new write adds its action here first, saying what its payload can hold.
 */
export const AUDIT_ACTIONS = {
  'tenant.create': action('tenant', 'A city opened by the operator: its settings.', false),
  'tenant.update': action('tenant', "A city's settings changed: before and after.", false),
  'user.create': action('user', 'A user created: name, e-mail, role (never the password).', true),
  'user.update': action('user', "A user's name, role or e-mail changed: before and after.", true),
  'user.disable': action('user', 'A user disabled: before and after.', true),
  'user.enable': action('user', 'A user enabled again: before and after.', true),
  'user.update_profile': action('user', 'A user changed their own name or language.', true),
  'user.change_password': action('user', 'A user changed their password (no payload of it).', false),
  'session.sign_in': action('user', 'A sign-in (no payload).', false),
  'session.sign_out': action('user', 'A sign-out (no payload).', false),
  'session.sign_out_everywhere': action('user', "All of a user's sessions ended.", false),
  'city_area.set': action('city_area', "The city's area drawn or replaced: old and new boundary.", false),
  'locality_kind.create': action('locality_kind', 'A kind of locality added: code and labels.', false),
  'locality_kind.update': action('locality_kind', 'A kind of locality changed: before and after.', false),
  'locality.create': action('locality', 'A locality drawn: name, kind, boundary.', false),
  'locality.update': action('locality', 'A locality changed: before and after.', false),
  'locality.archive': action('locality', 'A locality archived.', false),
  'locality.restore': action('locality', 'An archived locality restored.', false),
  'locality.import': action('locality', 'A GeoJSON import of localities: counts, projection and kind (one entry per import).', false),
  // Imports before issue 8 wrote one entry per feature; their entries keep these actions.
  'locality.import_create': action('locality', 'A locality created by a GeoJSON import: its feature.', false),
  'locality.import_update': action('locality', 'A locality updated by a GeoJSON import: its feature.', false),
  'place.create': action('place', 'A place added: name, kind, position.', false),
  'place.update': action('place', 'A place changed: before and after.', false),
  'place.import': action('place', 'A GeoJSON import of places: counts and projection (one entry per import).', false),
  'place.import_create': action('place', 'A place created by a GeoJSON import: its feature.', false),
  'place.import_update': action('place', 'A place updated by a GeoJSON import: its feature.', false),
  'indicator.create': action('indicator', 'An indicator defined.', false),
  'indicator_value.record': action('indicator_value', 'An indicator value recorded.', false),
  'indicator_value.correct': action('indicator_value', 'An indicator value corrected: before and after.', false),
  'indicator.import_values': action('indicator', 'Indicator values imported from a file: counts only (one entry per import).', false),
  'crime_data.import': action('crime_data', 'Police crime data imported: counts only.', false),
  'field_category.create': action('field_category', 'A field record category added.', false),
  'field_category.update': action('field_category', 'A field record category changed: before and after.', false),
  'field_team.create': action('field_team', 'A field team formed: its members and mentor.', true),
  'field_team.update': action('field_team', 'A field team changed: before and after.', true),
  'field_settings.update': action('field_settings', "The city's field work settings changed.", false),
  'shift_series.create': action('shift_series', 'A series of shifts planned: times, place and assistants.', true),
  'shift.create': action('shift', 'A shift planned: time, place and assistants.', true),
  'shift.update': action('shift', 'A shift changed before it started: before and after.', true),
  'shift.update_after_start': action('shift', 'A shift changed after it started: before and after.', true),
  'shift.check_in': action('shift', 'An assistant checked in: the time and whether a position was given.', true),
  'shift.check_out': action('shift', 'An assistant checked out: the time and whether a position was given.', true),
  'field_record.create': action('field_record', 'A field record stored: category, time, place, note or signal.', true, RESTRICTED_RECORD),
  'field_record.update': action('field_record', 'A field record edited by its author: before and after.', true, RESTRICTED_RECORD),
  'field_record.approve': action('field_record', 'A field record approved by the mentor, with a comment.', true, RESTRICTED_RECORD),
  'field_record.return': action('field_record', 'A field record returned to its author, with a comment.', true, RESTRICTED_RECORD),
  'field_record.amend': action('field_record', 'An approved record corrected: before, after and the reason.', true, RESTRICTED_RECORD),
  'field_record.photo': action('field_record', "A record's photo stored: its hash and size only.", false),
  'audit.redact': action('audit_event', "An audit entry's payload erased or anonymised: the entry and the reason.", false),
} as const satisfies Record<string, AuditActionInfo>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}
