import { sql } from 'kysely';
import type { TenantTx } from '../../db/scope';
import { updateAtVersion } from '../../db/versioned';

export interface PlannedTime {
  date: string;
  start: string;
  end: string;
}

/**
 * The instants of local dates and times in the city's time zone (daylight saving included). An end at
 * or before the start is on the next day: a night-quiet patrol 22:00–02:00.
 */
export async function toInstants(tx: TenantTx, timeZone: string, times: PlannedTime[]): Promise<{ startsAt: Date; endsAt: Date }[]> {
  if (times.length === 0) return [];
  const { rows } = await sql<{ startsAt: Date; endsAt: Date }>`
    SELECT (t.d + t.s) AT TIME ZONE ${timeZone} AS starts_at,
           (t.d + CASE WHEN t.e <= t.s THEN 1 ELSE 0 END + t.e) AT TIME ZONE ${timeZone} AS ends_at
      FROM unnest(${times.map((time) => time.date)}::date[], ${times.map((time) => time.start)}::time[], ${times.map((time) => time.end)}::time[])
           WITH ORDINALITY AS t (d, s, e, n)
     ORDER BY t.n`.execute(tx);
  return rows;
}

/** Serialises planning per assistant, so two mentors cannot double-book one person at the same moment. */
export async function lockAssistants(tx: TenantTx, assistantIds: string[]): Promise<void> {
  for (const id of [...assistantIds].sort()) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`shift:${tx.tenantId}:${id}`}))`.execute(tx);
  }
}

/** Existing shifts of these assistants that overlap any of the intervals (cancelled ones do not count). */
export async function findOverlaps(
  tx: TenantTx,
  assistantIds: string[],
  intervals: { startsAt: Date; endsAt: Date }[],
  timeZone: string,
  exceptShiftId: string | null,
) {
  if (assistantIds.length === 0 || intervals.length === 0) return [];
  const { rows } = await sql<{ assistantId: string; name: string; date: string; start: string; end: string }>`
    SELECT DISTINCT a.assistant_id, u.display_name AS name, to_char(s.local_date, 'YYYY-MM-DD') AS date,
           to_char(s.starts_at AT TIME ZONE ${timeZone}, 'HH24:MI') AS start,
           to_char(s.ends_at AT TIME ZONE ${timeZone}, 'HH24:MI') AS "end", s.starts_at
      FROM shift_assignments a
      JOIN shifts s ON s.tenant_id = a.tenant_id AND s.id = a.shift_id
      JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.assistant_id
      JOIN unnest(${intervals.map((interval) => interval.startsAt)}::timestamptz[], ${intervals.map((interval) => interval.endsAt)}::timestamptz[]) AS i (starts_at, ends_at)
        ON s.starts_at < i.ends_at AND i.starts_at < s.ends_at
     WHERE a.tenant_id = ${tx.tenantId} AND a.assistant_id = ANY(${assistantIds}::uuid[]) AND NOT s.cancelled
       AND (${exceptShiftId}::uuid IS NULL OR s.id <> ${exceptShiftId}::uuid)
     ORDER BY s.starts_at, name
     LIMIT 20`.execute(tx);
  return rows;
}

export interface NewShift {
  id: string;
  localDate: string;
  startsAt: Date;
  endsAt: Date;
  dutyType: string;
  placeIds: string[];
  localityIds: string[];
  note: string | null;
  seriesId: string | null;
  createdBy: string;
}

export async function insertShifts(tx: TenantTx, shifts: NewShift[], assistantIds: string[]): Promise<void> {
  if (shifts.length === 0) return;
  await tx
    .insertInto('shifts')
    .values(shifts.map((shift) => ({ ...shift, tenantId: tx.tenantId })))
    .execute();
  await tx
    .insertInto('shiftAssignments')
    .values(shifts.flatMap((shift) => assistantIds.map((assistantId) => ({ tenantId: tx.tenantId, shiftId: shift.id, assistantId }))))
    .execute();
}

export async function insertSeries(tx: TenantTx, series: { id: string; definition: unknown; createdBy: string }): Promise<void> {
  await tx
    .insertInto('shiftSeries')
    .values({ ...series, tenantId: tx.tenantId, definition: JSON.stringify(series.definition) })
    .execute();
}

export async function updateShiftAtVersion(
  tx: TenantTx,
  id: string,
  version: number,
  changes: Partial<Pick<NewShift, 'localDate' | 'startsAt' | 'endsAt' | 'dutyType' | 'placeIds' | 'localityIds' | 'note'>> & { cancelled?: boolean },
): Promise<boolean> {
  return updateAtVersion(tx, 'shifts', id, version, changes);
}

/** Replaces who is on a shift, keeping the check-ins of those who stay. */
export async function replaceAssignments(tx: TenantTx, shiftId: string, assistantIds: string[]): Promise<void> {
  await tx
    .deleteFrom('shiftAssignments')
    .where('tenantId', '=', tx.tenantId)
    .where('shiftId', '=', shiftId)
    .where('assistantId', 'not in', assistantIds)
    .execute();
  await tx
    .insertInto('shiftAssignments')
    .values(assistantIds.map((assistantId) => ({ tenantId: tx.tenantId, shiftId, assistantId })))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** A shift as read: its local date and times, its instants and who is on it. */
interface ShiftRowShape extends Omit<NewShift, 'localDate' | 'createdBy'> {
  date: string;
  start: string;
  end: string;
  cancelled: boolean;
  version: number;
  assistants: { id: string; name: string; checkedInAt: string | null; checkedOutAt: string | null }[];
}

export interface ShiftFilter {
  from: string;
  to: string;
  assistantIds?: string[] | undefined;
  ids?: string[] | undefined;
}

/** Shifts with local dates in [from, to], with their assistants and check-ins. */
export async function listShiftRows(tx: TenantTx, timeZone: string, filter: ShiftFilter) {
  const { rows } = await sql<ShiftRowShape>`
    SELECT s.id, to_char(s.local_date, 'YYYY-MM-DD') AS date,
           to_char(s.starts_at AT TIME ZONE ${timeZone}, 'HH24:MI') AS start,
           to_char(s.ends_at AT TIME ZONE ${timeZone}, 'HH24:MI') AS "end",
           s.starts_at, s.ends_at, s.duty_type, s.place_ids, s.locality_ids, s.note, s.series_id, s.cancelled, s.version,
           coalesce((SELECT jsonb_agg(jsonb_build_object('id', a.assistant_id, 'name', u.display_name,
                                                         'checkedInAt', a.checked_in_at, 'checkedOutAt', a.checked_out_at)
                                      ORDER BY u.display_name, a.assistant_id)
                       FROM shift_assignments a JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.assistant_id
                      WHERE a.tenant_id = s.tenant_id AND a.shift_id = s.id), '[]'::jsonb) AS assistants
      FROM shifts s
     WHERE s.tenant_id = ${tx.tenantId} AND s.local_date BETWEEN ${filter.from}::date AND ${filter.to}::date
       ${filter.ids ? sql`AND s.id = ANY(${filter.ids}::uuid[])` : sql``}
       ${filter.assistantIds ? sql`AND EXISTS (SELECT 1 FROM shift_assignments a WHERE a.tenant_id = s.tenant_id AND a.shift_id = s.id AND a.assistant_id = ANY(${filter.assistantIds}::uuid[]))` : sql``}
     ORDER BY s.starts_at, s.id`.execute(tx);
  return rows;
}

export type ShiftRow = Awaited<ReturnType<typeof listShiftRows>>[number];

export async function findShiftRow(tx: TenantTx, timeZone: string, id: string): Promise<ShiftRow | undefined> {
  const [row] = await listShiftRows(tx, timeZone, { from: '0001-01-01', to: '9999-12-31', ids: [id] });
  return row;
}

export async function isAssigned(tx: TenantTx, shiftId: string, assistantId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('shiftAssignments')
    .select('shiftId')
    .where('tenantId', '=', tx.tenantId)
    .where('shiftId', '=', shiftId)
    .where('assistantId', '=', assistantId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records a check-in or check-out; a repeat keeps the first time and place. */
export async function recordCheck(
  tx: TenantTx,
  shiftId: string,
  assistantId: string,
  which: 'in' | 'out',
  at: Date,
  location: { lon: number; lat: number } | null,
): Promise<boolean> {
  const point = location ? sql`ST_SetSRID(ST_MakePoint(${location.lon}, ${location.lat}), 4326)` : sql`NULL`;
  const result = await tx
    .updateTable('shiftAssignments')
    .set(which === 'in' ? { checkedInAt: at, checkInLocation: point } : { checkedOutAt: at, checkOutLocation: point })
    .where('tenantId', '=', tx.tenantId)
    .where('shiftId', '=', shiftId)
    .where('assistantId', '=', assistantId)
    .where(which === 'in' ? 'checkedInAt' : 'checkedOutAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Which of the ids are not places (or localities) of the tenant. */
export async function findMissingReferences(tx: TenantTx, table: 'places' | 'localities', ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await tx.selectFrom(table).select('id').where('tenantId', '=', tx.tenantId).where('id', 'in', ids).execute();
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}
