import { createHash } from 'node:crypto';
import { can, type FieldRecord, type FieldRecordPut, type Role } from '@saferhood/contracts';
import type { z } from 'zod';
import type { fieldRecordAmendmentCreateSchema, fieldRecordReviewSchema } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError, type FieldIssue } from '../../http/app-error';
import { logAccess, recordAudit } from '../audit/index';
import { findLocalityAt } from '../territory/index';
import { findCategoryRow } from './category.service';
import type { CategoryRow } from './category.repository';
import {
  countUnreviewed,
  findPhoto,
  findRecord,
  insertAmendment,
  listAmendments,
  summariseRecords,
  upsertPhoto,
  type SummaryDimension,
  insertRecord,
  listRecords,
  reviewRecordAtVersion,
  updateRecordAtVersion,
  type FieldRecordRow,
  type RecordContent,
  type RecordFilter,
} from './field-record.repository';
import { findActiveUsers, findMentorOf, findSettings } from './field-team.repository';
import { notify } from './notification.repository';

export type { RecordFilter };
import { isAssigned } from './shift.repository';

export function presentRecord(row: FieldRecordRow): FieldRecord {
  return {
    id: row.id,
    assistantId: row.assistantId,
    assistantName: row.assistantName,
    category: row.category,
    sensitivity: row.sensitivity as FieldRecord['sensitivity'],
    occurredAt: new Date(row.occurredAt).toISOString(),
    location: JSON.parse(row.location),
    locationSource: row.locationSource as FieldRecord['locationSource'],
    localityId: row.localityId,
    peopleCount: row.peopleCount,
    note: row.note,
    urgent: row.urgent,
    shiftId: row.shiftId,
    signal: row.signalKind ? { kind: row.signalKind, contact: row.signalContact } as FieldRecord['signal'] : null,
    hasPhoto: Boolean(row.hasPhoto),
    status: row.status as FieldRecord['status'],
    reviewComment: row.reviewComment,
    reviewedAt: row.reviewedAt ? new Date(row.reviewedAt).toISOString() : null,
    amendments: row.amendments,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

/**
 * Creates or updates a record the phone made (its UUID in the path). Idempotent: the same PUT again —
 * a resend after a lost answer, or a concurrent repeat — stores nothing new and answers the same. An
 * edit names the version it was based on; a stale one is a conflict carrying the server's version.
 *
 * It throws an AppError only before it has written anything, so a batch (putRecordBatch) can answer
 * that item with its problem and go on with the next in the same transaction.
 */
export async function putRecord(tx: TenantTx, actor: Actor, id: string, input: FieldRecordPut, categories?: CategoryCache): Promise<FieldRecord> {
  const { content, category } = await contentOf(tx, actor, input, categories);
  if (input.baseVersion === undefined) {
    // A create is the common case: try it at once (one statement answers the stored row).
    const created = await insertRecord(tx, id, actor.userId, content);
    if (created) {
      await recordAudit(tx, { action: 'field_record.create', resourceType: 'field_record', resourceId: id, actorId: actor.userId, after: auditView(created) });
      await alertAbout(tx, created, category);
      return presentRecord(created);
    }
    // The id exists: a repeat of this very PUT (maybe concurrent), or another create with that id.
  }
  const existing = await findRecord(tx, id);
  if (!existing) throw new AppError('not_found');
  return answerExisting(tx, actor, existing, input, content);
}

/** One item of a batch: the id and its PUT body, or the refusal its body earned on its own (zod). */
export type BatchItem = { id: string; input: FieldRecordPut } | { id: string; refused: AppError };
export type BatchAnswer = { id: string; record: FieldRecord } | { id: string; refused: AppError };

/**
 * The outbox's batch: each item exactly as its single PUT (putRecord) would answer it, in order, in
 * the caller's one transaction. A refused item (its own 4xx) does not spoil the others, since
 * putRecord refuses before it writes; any other fault fails the whole batch (nothing is stored, and
 * the phone resends it — every item is idempotent).
 */
export async function putRecordBatch(tx: TenantTx, actor: Actor, items: readonly BatchItem[]): Promise<BatchAnswer[]> {
  const answers: BatchAnswer[] = [];
  // A city's categories do not change within the batch's transaction: each is read once per batch.
  const categories: CategoryCache = new Map();
  for (const item of items) {
    if ('refused' in item) {
      answers.push(item);
      continue;
    }
    try {
      answers.push({ id: item.id, record: await putRecord(tx, actor, item.id, item.input, categories) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      answers.push({ id: item.id, refused: error });
    }
  }
  return answers;
}

async function answerExisting(tx: TenantTx, actor: Actor, existing: FieldRecordRow, input: FieldRecordPut, content: RecordContent): Promise<FieldRecord> {
  // Another person's record (or another tenant's id, which this query cannot see) is not theirs to write.
  if (existing.createdBy !== actor.userId) throw new AppError('not_found');
  if (isRepeat(existing, input, content)) return presentRecord(existing);
  if (existing.status === 'approved') throw new AppError('record_locked', { extensions: { current: presentRecord(existing) } });
  if (input.baseVersion !== existing.version) throw conflict(existing);
  const isUpdated = await updateRecordAtVersion(tx, existing.id, existing.version, content, existing.status === 'returned' ? { status: 'submitted' } : {});
  const after = (await findRecord(tx, existing.id))!;
  if (!isUpdated) {
    // A concurrent edit got there first; if it was this same edit, that is our answer.
    if (isRepeat(after, input, content)) return presentRecord(after);
    throw conflict(after);
  }
  await recordAudit(tx, {
    action: 'field_record.update',
    resourceType: 'field_record',
    resourceId: existing.id,
    actorId: actor.userId,
    before: auditView(existing),
    after: auditView(after),
  });
  return presentRecord(after);
}

/** The same content, sent again as a create or as the edit that produced the current version. */
function isRepeat(current: FieldRecordRow, input: FieldRecordPut, content: RecordContent): boolean {
  if (current.contentHash !== content.contentHash) return false;
  return input.baseVersion === undefined || input.baseVersion === current.version || input.baseVersion === current.version - 1;
}

function conflict(current: FieldRecordRow): AppError {
  return new AppError('version_conflict', { extensions: { current: presentRecord(current) } });
}

/** Validates an incoming record against the city's categories and the assistant's shifts. */
/** Category rows already read in this transaction, by code (undefined: no such category). */
type CategoryCache = Map<string, CategoryRow | undefined>;

async function contentOf(tx: TenantTx, actor: Actor, input: FieldRecordPut, categories?: CategoryCache): Promise<{ content: RecordContent; category: CategoryRow }> {
  const issues: FieldIssue[] = [];
  let category = categories?.get(input.category);
  if (!categories?.has(input.category)) {
    category = await findCategoryRow(tx, input.category);
    categories?.set(input.category, category);
  }
  if (!category?.active) issues.push({ field: 'category', code: 'unknown_category', params: { code: input.category } });
  const isSignal = category?.sensitivity === 'restricted';
  if (isSignal && input.note) issues.push({ field: 'note', code: 'not_allowed_for_signal' });
  if (isSignal && !input.signal) issues.push({ field: 'signal', code: 'signal_required' });
  if (!isSignal && input.signal) issues.push({ field: 'signal', code: 'invalid' });
  if (input.shiftId && !(await isAssigned(tx, input.shiftId, actor.userId))) issues.push({ field: 'shiftId', code: 'not_your_shift' });
  if (issues.length > 0) throw new AppError('validation_failed', { fields: issues });

  const [lon, lat] = input.location.coordinates;
  const canonical = {
    category: input.category,
    occurredAt: new Date(input.occurredAt).toISOString(),
    lon,
    lat,
    locationSource: input.locationSource ?? null,
    peopleCount: input.peopleCount ?? null,
    note: input.note || null,
    urgent: input.urgent ?? false,
    shiftId: input.shiftId ?? null,
    signalKind: input.signal?.kind ?? null,
    signalContact: input.signal?.contact ?? null,
  };
  const content: RecordContent = {
    ...canonical,
    lon: lon!,
    lat: lat!,
    sensitivity: category!.sensitivity,
    localityId: await findLocalityAt(tx, { lon: lon!, lat: lat! }),
    contentHash: createHash('sha256').update(JSON.stringify(canonical)).digest('hex'),
  };
  return { content, category: category! };
}

/** What the audit log keeps of a record: no free text for signals (there is none to keep). */
function auditView(row: FieldRecordRow) {
  const { contentHash: _hash, assistantName: _name, ...rest } = row;
  return rest;
}

/** A signal goes to the city's designated recipients; an offender held, to the assistant's mentor — at once. */
async function alertAbout(tx: TenantTx, record: FieldRecordRow, category: CategoryRow): Promise<void> {
  if (category.alert === 'none') return;
  const notice = { resourceType: 'field_record', resourceId: record.id };
  const mentors = async () => {
    const mentor = await findMentorOf(tx, record.assistantId);
    return mentor ? [mentor] : (await findActiveUsers(tx, { roles: ['supervisor'] })).map((user) => user.id);
  };
  if (category.alert === 'mentor') return notify(tx, await mentors(), { ...notice, kind: 'offender_held' });
  const settings = await findSettings(tx);
  const recipients = [settings.signalSocialWorkerId, settings.signalPoliceContactId].filter((id): id is string => id !== null);
  // With nobody designated yet, the signal still reaches someone: the mentors.
  await notify(tx, recipients.length > 0 ? recipients : await mentors(), { ...notice, kind: 'signal' });
}

async function isSignalRecipient(tx: TenantTx, actor: Actor): Promise<boolean> {
  const settings = await findSettings(tx);
  return actor.userId === settings.signalSocialWorkerId || actor.userId === settings.signalPoliceContactId;
}

/** May the actor read this record? Signals only by their author, mentors and designated recipients. */
async function mayRead(tx: TenantTx, actor: Actor, row: FieldRecordRow): Promise<boolean> {
  const role = actor.role as Role;
  const own = row.assistantId === actor.userId;
  if (row.sensitivity === 'restricted') {
    return can(role, 'field_record:read_restricted', { own, recipient: await isSignalRecipient(tx, actor) });
  }
  return can(role, 'field_record:list', { own });
}

/** One record; a restricted one's read is access-logged. Unreadable is indistinguishable from missing. */
export async function getRecord(tx: TenantTx, actor: Actor, id: string, purpose = 'read'): Promise<FieldRecordRow> {
  const row = await findRecord(tx, id);
  if (!row || !(await mayRead(tx, actor, row))) throw new AppError('not_found');
  if (row.sensitivity === 'restricted') await logAccess(tx, { userId: actor.userId, resourceType: 'field_record', resourceId: id, purpose });
  return row;
}

/**
 * Lists records the actor may see: an assistant their own, mentors all, the coordinator all but signals.
 * Every restricted record in the answer is access-logged.
 */
export async function findRecords(tx: TenantTx, actor: Actor, filter: RecordFilter): Promise<FieldRecord[]> {
  const role = actor.role as Role;
  const mayListAll = can(role, 'field_record:list');
  const scoped: RecordFilter = {
    ...filter,
    ...(mayListAll ? {} : { assistantId: actor.userId }),
    ...(mayListAll && !can(role, 'field_record:read_restricted') ? { internalOnly: true } : {}),
  };
  if (!mayListAll && filter.assistantId && filter.assistantId !== actor.userId) return [];
  return presentReadable(tx, actor, await listRecords(tx, scoped), 'list');
}

/** Signals of hidden crime for their designated recipients and mentors (and an author's own). */
export async function findSignals(tx: TenantTx, actor: Actor, filter: RecordFilter): Promise<FieldRecord[]> {
  const role = actor.role as Role;
  const seesAll = can(role, 'field_record:read_restricted') || can(role, 'field_record:read_restricted', { recipient: await isSignalRecipient(tx, actor) });
  const rows = await listRecords(tx, { ...filter, restrictedOnly: true, ...(seesAll ? {} : { assistantId: actor.userId }) });
  return presentReadable(tx, actor, rows, 'signal_list');
}

async function presentReadable(tx: TenantTx, actor: Actor, rows: FieldRecordRow[], purpose: string): Promise<FieldRecord[]> {
  for (const row of rows) {
    if (row.sensitivity === 'restricted') await logAccess(tx, { userId: actor.userId, resourceType: 'field_record', resourceId: row.id, purpose });
  }
  return rows.map(presentRecord);
}

/** The mentor approves (the record is then locked) or returns it with a comment (the assistant is told). */
export async function reviewRecord(tx: TenantTx, actor: Actor, id: string, input: z.infer<typeof fieldRecordReviewSchema>): Promise<FieldRecord> {
  const before = await getRecord(tx, actor, id, 'review');
  if (before.status === 'approved') throw new AppError('record_locked', { extensions: { current: presentRecord(before) } });
  if (before.version !== input.version || before.status !== 'submitted') throw conflict(before);
  const status = input.decision === 'approve' ? 'approved' : 'returned';
  if (!(await reviewRecordAtVersion(tx, id, input.version, { status, comment: input.comment || null, reviewedBy: actor.userId }))) {
    throw conflict((await findRecord(tx, id))!);
  }
  const after = (await findRecord(tx, id))!;
  await recordAudit(tx, {
    action: `field_record.${input.decision}`,
    resourceType: 'field_record',
    resourceId: id,
    actorId: actor.userId,
    before: { status: before.status, version: before.version },
    after: { status, comment: input.comment ?? null, version: after.version },
  });
  if (status === 'returned') await notify(tx, [after.assistantId], { kind: 'record_returned', resourceType: 'field_record', resourceId: id });
  return presentRecord(after);
}

/** A correction of an approved record: the record shows the new values; the amendment keeps the old. */
export async function amendRecord(tx: TenantTx, actor: Actor, id: string, input: z.infer<typeof fieldRecordAmendmentCreateSchema>): Promise<FieldRecord> {
  const before = await getRecord(tx, actor, id, 'amend');
  if (before.status !== 'approved') {
    throw new AppError('validation_failed', { fields: [{ field: 'status', code: 'invalid_value' }] });
  }
  if (before.version !== input.version) throw conflict(before);
  const current = presentRecord(before);
  const merged: FieldRecordPut = {
    category: input.changes.category ?? current.category,
    occurredAt: input.changes.occurredAt ?? current.occurredAt,
    location: input.changes.location ?? current.location,
    ...(current.locationSource ? { locationSource: current.locationSource } : {}),
    ...optional('peopleCount', 'peopleCount' in input.changes ? input.changes.peopleCount : current.peopleCount),
    ...optional('note', 'note' in input.changes ? input.changes.note : current.note),
    urgent: input.changes.urgent ?? current.urgent,
    ...optional('shiftId', current.shiftId),
    ...optional('signal', current.signal),
  };
  const author: Actor = { ...actor, userId: before.assistantId };
  const { content } = await contentOf(tx, author, merged);
  if (!(await updateRecordAtVersion(tx, id, input.version, content, { amendments: before.amendments + 1 }))) throw conflict((await findRecord(tx, id))!);
  const after = (await findRecord(tx, id))!;
  const changedKeys = Object.keys(input.changes) as (keyof FieldRecord)[];
  const pick = (record: FieldRecord) => Object.fromEntries(changedKeys.map((key) => [key, record[key]]));
  const amendmentId = uuidv7();
  await insertAmendment(tx, { id: amendmentId, recordId: id, before: pick(current), after: pick(presentRecord(after)), reason: input.reason, createdBy: actor.userId });
  await recordAudit(tx, {
    action: 'field_record.amend',
    resourceType: 'field_record',
    resourceId: id,
    actorId: actor.userId,
    before: auditView(before),
    after: { ...auditView(after), amendmentId, reason: input.reason },
  });
  return presentRecord(after);
}

function optional<K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> {
  return value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The mentor's queue: unreviewed (and urgent) records per assistant. */
export async function reviewQueue(tx: TenantTx) {
  const rows = await countUnreviewed(tx);
  return rows.map((row) => ({ ...row, pending: Number(row.pending), urgent: Number(row.urgent) }));
}

/** Counts by category, locality and/or month; signals are counted too (counts reveal no contents). */
export async function summarise(tx: TenantTx, dimensions: SummaryDimension[], from: Date, to: Date, timeZone: string) {
  const rows = await summariseRecords(tx, dimensions, from, to, timeZone);
  const presented = rows.map(({ locality, count, ...row }) => ({
    ...row,
    ...(dimensions.includes('locality') ? { localityId: locality ?? null } : {}),
    count: Number(count),
  }));
  return { rows: presented, total: presented.reduce((sum, row) => sum + row.count, 0) };
}

export async function amendmentsOf(tx: TenantTx, actor: Actor, id: string) {
  await getRecord(tx, actor, id, 'amendments');
  return (await listAmendments(tx, id)).map((item) => ({
    ...item,
    before: item.before as Record<string, unknown>,
    after: item.after as Record<string, unknown>,
    createdAt: new Date(item.createdAt).toISOString(),
  }));
}

/**
 * The author attaches the record's one photo (compressed on the phone). The same bytes again change
 * nothing (an offline resend); signals take no photo; an approved record takes no new one.
 */
export async function attachPhoto(tx: TenantTx, actor: Actor, id: string, photo: { contentType: string; bytes: Buffer }): Promise<void> {
  const record = await getRecord(tx, actor, id, 'photo');
  if (record.createdBy !== actor.userId) throw new AppError('not_found');
  if (record.sensitivity === 'restricted') {
    throw new AppError('validation_failed', { fields: [{ field: 'photo', code: 'not_allowed_for_signal' }] });
  }
  const sha256 = createHash('sha256').update(photo.bytes).digest('hex');
  if ((await findPhoto(tx, id))?.sha256 === sha256) return;
  if (record.status === 'approved') throw new AppError('record_locked', { extensions: { current: presentRecord(record) } });
  await upsertPhoto(tx, { recordId: id, ...photo, sha256 });
  await recordAudit(tx, { action: 'field_record.photo', resourceType: 'field_record', resourceId: id, actorId: actor.userId, after: { sha256, bytes: photo.bytes.length } });
}

export async function getPhoto(tx: TenantTx, actor: Actor, id: string) {
  await getRecord(tx, actor, id, 'photo');
  const photo = await findPhoto(tx, id);
  if (!photo) throw new AppError('not_found');
  return photo;
}
