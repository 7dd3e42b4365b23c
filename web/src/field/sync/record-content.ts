import type { FieldRecord, FieldRecordPut } from '@saferhood/contracts/field-work';
import type { BaseVersion, RecordContent } from './outbox-types';

/** The content of a server record, in the shape the person edits (the PUT body without baseVersion). */
export function contentOfRecord(record: FieldRecord): RecordContent {
  const content: RecordContent = {
    category: record.category,
    occurredAt: record.occurredAt,
    location: record.location,
  };
  if (record.locationSource !== null) content.locationSource = record.locationSource;
  if (record.peopleCount !== null) content.peopleCount = record.peopleCount;
  if (record.note !== null) content.note = record.note;
  if (record.urgent) content.urgent = true;
  if (record.shiftId !== null) content.shiftId = record.shiftId;
  if (record.signal !== null) content.signal = record.signal;
  return content;
}

/**
 * Whether two contents are the same record as the server sees it (its content hash): absent and empty
 * mean the same, and times are compared as instants.
 */
export function isSameContent(a: RecordContent, b: RecordContent): boolean {
  const canonical = (content: RecordContent) =>
    JSON.stringify([
      content.category,
      new Date(content.occurredAt).toISOString(),
      content.location.coordinates[0],
      content.location.coordinates[1],
      content.locationSource ?? null,
      content.peopleCount ?? null,
      content.note || null,
      content.urgent ?? false,
      content.shiftId ?? null,
      content.signal?.kind ?? null,
      content.signal?.contact ?? null,
    ]);
  return canonical(a) === canonical(b);
}

/** The PUT body: the content plus the version it is based on (none for a new record). */
export function buildPutBody(content: RecordContent, baseVersion: BaseVersion): FieldRecordPut {
  return typeof baseVersion === 'number' ? { ...content, baseVersion } : { ...content };
}
