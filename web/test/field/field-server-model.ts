import type { FieldRecord, FieldRecordPut } from '@saferhood/contracts/field-work';
import type { Answer, ShiftAction } from '../../src/field/sync/outbox-types';

/** The same content in the same words, whatever the order of its keys. */
export function contentKey(content: object): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, inner]) => inner !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, inner]) => [key, sorted(inner)]),
          )
        : value;
  return JSON.stringify(sorted(content));
}

type Author = 'device' | 'other';

/** A category the server does not know: a record with it is refused (400) until the person changes it. */
export const UNKNOWN_CATEGORY = 'no_such_category';

interface StoredRecord {
  record: FieldRecord;
  key: string;
  author: Author;
}

/**
 * The server's PUT semantics, as the field app relies on them (issue 4 and the lead's brief):
 * - PUT of a new id creates version 1; the same content again — as a create, or as the edit that made
 *   the current version — answers the stored record (no new version);
 * - different content needs `baseVersion` equal to the current version, else 409 version_conflict with
 *   the current record; an approved record answers 409 record_locked;
 * - a photo needs its record first, and an approved record takes no new one (409 record_locked);
 * - check-in and check-out keep the first time sent.
 * It also remembers everything a test needs to say what was lost, duplicated or overwritten.
 */
export class FieldServerModel {
  readonly records = new Map<string, StoredRecord>();
  /** How many times each id was created (must be 1). */
  readonly creations = new Map<string, number>();
  /** Every content each record ever had. */
  readonly history = new Map<string, Set<string>>();
  /** The phone's writes that replaced a version another person made: `${id}@${version}`. */
  readonly overwrites: string[] = [];
  readonly photos = new Map<string, string>();
  readonly shiftChecks = new Map<string, string>();
  private otherEdits = 0;

  /** Every batch the phone sent, by size (the server refuses more than 100 whole). */
  readonly batchSizes: number[] = [];

  /** POST /field-records/batch: each record answered as its single PUT, in order. */
  async putRecords(records: readonly { id: string; body: FieldRecordPut }[]): Promise<Answer<{ id: string; answer: Answer<FieldRecord> }[]>> {
    if (records.length === 0 || records.length > 100) return { ok: false, status: records.length === 0 ? 400 : 422, code: 'batch_too_large' };
    this.batchSizes.push(records.length);
    const results: { id: string; answer: Answer<FieldRecord> }[] = [];
    for (const { id, body } of records) results.push({ id, answer: await this.putRecord(id, body) });
    return { ok: true, value: results };
  }

  async putRecord(id: string, body: FieldRecordPut, author: Author = 'device'): Promise<Answer<FieldRecord>> {
    const { baseVersion, ...content } = body;
    // The city's code list has no such category: refused whatever else (the person must change it).
    if (content.category === UNKNOWN_CATEGORY) return { ok: false, status: 400, code: 'validation_failed', detail: 'unknown category' };
    const key = contentKey(content);
    const stored = this.records.get(id);
    if (stored) {
      // The server's rule: the same content again, as a create or as the edit that made this version.
      const version = stored.record.version;
      const isRepeat = stored.key === key && (baseVersion === undefined || baseVersion === version || baseVersion === version - 1);
      if (isRepeat) return { ok: true, value: structuredClone(stored.record) };
      if (stored.record.status === 'approved') return this.conflict('record_locked', stored);
      if (baseVersion !== stored.record.version) return this.conflict('version_conflict', stored);
      if (stored.author === 'other' && author === 'device') this.overwrites.push(`${id}@${stored.record.version}`);
      this.store(id, { ...stored.record, ...recordFields(content), version: stored.record.version + 1, status: 'submitted' }, key, author);
      return { ok: true, value: structuredClone(this.records.get(id)!.record) };
    }
    if (baseVersion !== undefined) return { ok: false, status: 404, code: 'not_found' };
    this.creations.set(id, (this.creations.get(id) ?? 0) + 1);
    this.store(id, newRecord(id, content), key, author);
    return { ok: true, value: structuredClone(this.records.get(id)!.record) };
  }

  async putPhoto(id: string, photo: Blob): Promise<Answer<null>> {
    if (!this.records.has(id)) return { ok: false, status: 404, code: 'not_found' };
    const bytes = await photo.text();
    if (this.photos.get(id) === bytes) return { ok: true, value: null };
    if (this.records.get(id)!.record.status === 'approved') return { ok: false, status: 409, code: 'record_locked' };
    this.photos.set(id, bytes);
    this.records.get(id)!.record.hasPhoto = true;
    return { ok: true, value: null };
  }

  async checkShift(shiftId: string, action: ShiftAction, at: string): Promise<Answer<unknown>> {
    const key = `${shiftId}:${action}`;
    if (!this.shiftChecks.has(key)) this.shiftChecks.set(key, at);
    return { ok: true, value: { id: shiftId } };
  }

  /** Someone else (the same assistant on another phone) changes the record's note. */
  editElsewhere(id: string): void {
    const stored = this.records.get(id);
    if (!stored || stored.record.status === 'approved') return;
    this.otherEdits += 1;
    const content = { ...contentFields(stored.record), note: `elsewhere ${this.otherEdits}` };
    this.store(id, { ...stored.record, note: content.note, version: stored.record.version + 1 }, contentKey(content), 'other');
  }

  /** The mentor approves: the record is locked from now on. */
  approve(id: string): void {
    const stored = this.records.get(id);
    if (!stored || stored.record.status === 'approved') return;
    stored.record = { ...stored.record, status: 'approved', version: stored.record.version + 1 };
  }

  list(): FieldRecord[] {
    return [...this.records.values()].map((stored) => structuredClone(stored.record));
  }

  private store(id: string, record: FieldRecord, key: string, author: Author): void {
    this.records.set(id, { record, key, author });
    const seen = this.history.get(id) ?? new Set<string>();
    seen.add(key);
    this.history.set(id, seen);
  }

  private conflict(code: 'version_conflict' | 'record_locked', stored: StoredRecord): Answer<FieldRecord> {
    return { ok: false, status: 409, code, current: structuredClone(stored.record) };
  }
}

type Content = Omit<FieldRecordPut, 'baseVersion'>;

function recordFields(content: Content): Partial<FieldRecord> {
  return {
    category: content.category,
    occurredAt: content.occurredAt,
    location: content.location,
    locationSource: content.locationSource ?? null,
    peopleCount: content.peopleCount ?? null,
    note: content.note ?? null,
    urgent: content.urgent ?? false,
    shiftId: content.shiftId ?? null,
    signal: content.signal ?? null,
  };
}

/** The content as the field app's contentOfRecord reads it back (nulls and false left out). */
function contentFields(record: FieldRecord): Content {
  const content: Content = { category: record.category, occurredAt: record.occurredAt, location: record.location };
  if (record.locationSource !== null) content.locationSource = record.locationSource;
  if (record.peopleCount !== null) content.peopleCount = record.peopleCount;
  if (record.note !== null) content.note = record.note;
  if (record.urgent) content.urgent = true;
  if (record.shiftId !== null) content.shiftId = record.shiftId;
  if (record.signal !== null) content.signal = record.signal;
  return content;
}

function newRecord(id: string, content: Content): FieldRecord {
  return {
    id,
    assistantId: '00000000-0000-7000-8000-000000000001',
    assistantName: 'Tomáš Horváth',
    sensitivity: 'internal',
    localityId: null,
    hasPhoto: false,
    status: 'submitted',
    reviewComment: null,
    reviewedAt: null,
    amendments: 0,
    createdAt: '2026-11-21T08:00:00.000Z',
    updatedAt: '2026-11-21T08:00:00.000Z',
    version: 1,
    ...(recordFields(content) as Pick<FieldRecord, 'category' | 'occurredAt' | 'location'>),
    ...recordFields(content),
  } as FieldRecord;
}
