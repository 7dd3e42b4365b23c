import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import type { TenantTx } from '../../db/scope';
import { updateAtVersion } from '../../db/versioned';

/** A record's columns as the API shows them (from `r`, the record, and `u`, its assistant); the photo flag is added apart. */
const RECORD_COLUMNS = [
  'r.id',
  'r.assistantId',
  'u.displayName as assistantName',
  'r.category',
  'r.sensitivity',
  'r.occurredAt',
  sql<string>`ST_AsGeoJSON(r.location, 7)`.as('location'),
  'r.locationSource',
  'r.localityId',
  'r.peopleCount',
  'r.note',
  'r.urgent',
  'r.shiftId',
  'r.signalKind',
  'r.signalContact',
  'r.status',
  'r.reviewComment',
  'r.reviewedAt',
  'r.amendments',
  'r.contentHash',
  'r.createdBy',
  'r.createdAt',
  'r.updatedAt',
  'r.version',
] as const;

/** Columns of a record as the API shows it, with the assistant's name and whether it has a photo. */
function selectRecord(tx: TenantTx) {
  return tx
    .selectFrom('fieldRecords as r')
    .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'r.tenantId').onRef('u.id', '=', 'r.assistantId'))
    .select((eb) => [...RECORD_COLUMNS, hasPhoto(eb)])
    .where('r.tenantId', '=', tx.tenantId);
}

const hasPhoto = (eb: ExpressionBuilder<DB & { r: DB['fieldRecords'] }, 'r'>) =>
  eb
    .exists(eb.selectFrom('fieldRecordPhotos as p').select('p.recordId').whereRef('p.tenantId', '=', 'r.tenantId').whereRef('p.recordId', '=', 'r.id'))
    .as('hasPhoto');

export type FieldRecordRow = Awaited<ReturnType<typeof findRecord>> & {};

export async function findRecord(tx: TenantTx, id: string) {
  return selectRecord(tx).where('r.id', '=', id).executeTakeFirst();
}

export interface RecordFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  localityId?: string | undefined;
  category?: string | undefined;
  assistantId?: string | undefined;
  status?: string | undefined;
  /** Leave out restricted records (signals) for readers who may not see them. */
  internalOnly?: boolean;
  /** Only restricted records (the signals list). */
  restrictedOnly?: boolean;
  limit: number;
}

export async function listRecords(tx: TenantTx, filter: RecordFilter) {
  let query: SelectQueryBuilder<DB & { r: DB['fieldRecords']; u: DB['users'] }, 'r' | 'u', FieldRecordRow> = selectRecord(tx);
  if (filter.from) query = query.where('r.occurredAt', '>=', filter.from);
  if (filter.to) query = query.where('r.occurredAt', '<', filter.to);
  if (filter.localityId) query = query.where('r.localityId', '=', filter.localityId);
  if (filter.category) query = query.where('r.category', '=', filter.category);
  if (filter.assistantId) query = query.where('r.assistantId', '=', filter.assistantId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.internalOnly) query = query.where('r.sensitivity', '=', 'internal');
  if (filter.restrictedOnly) query = query.where('r.sensitivity', '=', 'restricted');
  return query.orderBy('r.occurredAt', 'desc').orderBy('r.id').limit(filter.limit).execute();
}

export interface RecordContent {
  category: string;
  sensitivity: string;
  occurredAt: string;
  lon: number;
  lat: number;
  /** From territory's findLocalityAt(). */
  localityId: string | null;
  locationSource: string | null;
  peopleCount: number | null;
  note: string | null;
  urgent: boolean;
  shiftId: string | null;
  signalKind: string | null;
  signalContact: string | null;
  contentHash: string;
}

const point = (content: RecordContent) => sql`ST_SetSRID(ST_MakePoint(${content.lon}, ${content.lat}), 4326)`;

/**
 * Inserts a new record and answers it as findRecord would, in one statement (INSERT … RETURNING joined
 * to its author's name); undefined when the id exists already (a repeat, or a race with one).
 */
export async function insertRecord(tx: TenantTx, id: string, assistantId: string, content: RecordContent): Promise<FieldRecordRow | undefined> {
  const { lon: _lon, lat: _lat, ...columns } = content;
  return tx
    .with('r', (db) =>
      db
        .insertInto('fieldRecords')
        .values({ ...columns, tenantId: tx.tenantId, id, assistantId, createdBy: assistantId, location: point(content) })
        .onConflict((conflict) => conflict.columns(['tenantId', 'id']).doNothing())
        .returningAll(),
    )
    .selectFrom('r')
    .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'r.tenantId').onRef('u.id', '=', 'r.assistantId'))
    .select([
      ...RECORD_COLUMNS,
      // A record just made has no photo yet: the photo's PUT needs the record first.
      sql<boolean>`false`.as('hasPhoto'),
    ])
    .executeTakeFirst();
}

/** Updates a record at the version the edit was based on; false when it has moved on. */
export async function updateRecordAtVersion(
  tx: TenantTx,
  id: string,
  version: number,
  content: RecordContent,
  extra: { status?: string; amendments?: number } = {},
): Promise<boolean> {
  const { lon: _lon, lat: _lat, ...columns } = content;
  return updateAtVersion(tx, 'fieldRecords', id, version, { ...columns, ...extra, location: point(content) });
}

export async function reviewRecordAtVersion(
  tx: TenantTx,
  id: string,
  version: number,
  review: { status: 'approved' | 'returned'; comment: string | null; reviewedBy: string },
): Promise<boolean> {
  // The service checked the record is still submitted at this version; the version guards the rest.
  return updateAtVersion(tx, 'fieldRecords', id, version, {
    status: review.status,
    reviewComment: review.comment,
    reviewedBy: review.reviewedBy,
    reviewedAt: new Date(),
  });
}

export async function insertAmendment(
  tx: TenantTx,
  amendment: { id: string; recordId: string; before: unknown; after: unknown; reason: string; createdBy: string },
): Promise<void> {
  await tx
    .insertInto('fieldRecordAmendments')
    .values({ ...amendment, tenantId: tx.tenantId, before: JSON.stringify(amendment.before), after: JSON.stringify(amendment.after) })
    .execute();
}

export async function listAmendments(tx: TenantTx, recordId: string) {
  return tx
    .selectFrom('fieldRecordAmendments')
    .select(['id', 'before', 'after', 'reason', 'createdBy', 'createdAt'])
    .where('tenantId', '=', tx.tenantId)
    .where('recordId', '=', recordId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Stores a record's photo; a repeat with the same bytes changes nothing, other bytes replace it. */
export async function upsertPhoto(tx: TenantTx, photo: { recordId: string; contentType: string; bytes: Buffer; sha256: string }): Promise<void> {
  await tx
    .insertInto('fieldRecordPhotos')
    .values({ ...photo, tenantId: tx.tenantId })
    .onConflict((conflict) =>
      conflict
        .columns(['tenantId', 'recordId'])
        .doUpdateSet({ contentType: photo.contentType, bytes: photo.bytes, sha256: photo.sha256, createdAt: new Date() })
        .where('fieldRecordPhotos.sha256', '<>', photo.sha256),
    )
    .execute();
}

export async function findPhoto(tx: TenantTx, recordId: string) {
  return tx
    .selectFrom('fieldRecordPhotos')
    .select(['contentType', 'bytes', 'sha256'])
    .where('tenantId', '=', tx.tenantId)
    .where('recordId', '=', recordId)
    .executeTakeFirst();
}

/** Unreviewed records per assistant: the mentor's queue. */
export async function countUnreviewed(tx: TenantTx) {
  return tx
    .selectFrom('fieldRecords as r')
    .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'r.tenantId').onRef('u.id', '=', 'r.assistantId'))
    .select((eb) => [
      'r.assistantId',
      'u.displayName as assistantName',
      eb.fn.countAll<string>().as('pending'),
      eb.fn.count<string>(eb.case().when('r.urgent', '=', true).then(1).end()).as('urgent'),
    ])
    .where('r.tenantId', '=', tx.tenantId)
    .where('r.status', '=', 'submitted')
    .groupBy(['r.assistantId', 'u.displayName'])
    .orderBy('u.displayName')
    .execute();
}

export type SummaryDimension = 'category' | 'locality' | 'month';

/** Counts of records by the given dimensions between two instants; months in the city's time zone. */
export async function summariseRecords(tx: TenantTx, dimensions: SummaryDimension[], from: Date, to: Date, timeZone: string) {
  const columns = {
    category: sql`category`,
    locality: sql`locality_id`,
    month: sql`to_char(occurred_at AT TIME ZONE ${timeZone}, 'YYYY-MM')`,
  };
  const selected = dimensions.map((dimension) => sql`${columns[dimension]} AS ${sql.ref(dimension)}`);
  const grouped = dimensions.map((_dimension, index) => sql.raw(String(index + 1)));
  const { rows } = await sql<{ category?: string; locality?: string | null; month?: string; count: string }>`
    SELECT ${sql.join(selected)}, count(*) AS count
      FROM field_records
     WHERE tenant_id = ${tx.tenantId} AND occurred_at >= ${from} AND occurred_at < ${to}
     GROUP BY ${sql.join(grouped)}
     ORDER BY ${sql.join(grouped)}`.execute(tx);
  return rows;
}
