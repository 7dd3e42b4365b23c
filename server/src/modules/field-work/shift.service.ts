import type { Role, Shift } from '@saferhood/contracts';
import { can } from '@saferhood/contracts';
import type { z } from 'zod';
import type { shiftCheckSchema, shiftCreateSchema, shiftListQuerySchema, shiftSeriesCreateSchema, shiftUpdateSchema } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError, type FieldIssue } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { listCategories } from './category.service';
import { findActiveUsers, findSettings, listTeamMemberIds } from './field-team.repository';
import {
  findMissingReferences,
  findOverlaps,
  findShiftRow,
  insertSeries,
  insertShifts,
  listShiftRows,
  lockAssistants,
  recordCheck,
  replaceAssignments,
  toInstants,
  updateShiftAtVersion,
  type NewShift,
  type PlannedTime,
  type ShiftRow,
} from './shift.repository';

/** The city: its id is the transaction's, its time zone turns local times into instants. */
export interface City {
  timeZone: string;
}

type ShiftFields = Omit<z.infer<typeof shiftCreateSchema>, 'date'>;

export function presentShift(row: ShiftRow): Shift {
  return {
    id: row.id,
    date: row.date,
    start: row.start,
    end: row.end,
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    dutyType: row.dutyType as Shift['dutyType'],
    assistants: row.assistants.map((assistant) => ({
      id: assistant.id,
      name: assistant.name,
      checkedInAt: assistant.checkedInAt ? new Date(assistant.checkedInAt).toISOString() : null,
      checkedOutAt: assistant.checkedOutAt ? new Date(assistant.checkedOutAt).toISOString() : null,
    })),
    placeIds: row.placeIds,
    localityIds: row.localityIds,
    note: row.note,
    seriesId: row.seriesId,
    cancelled: row.cancelled,
    version: row.version,
  };
}

/** Plans one shift; double-booking any of its assistants is refused, naming who and when. */
export async function planShift(tx: TenantTx, actor: Actor, city: City, input: z.infer<typeof shiftCreateSchema>): Promise<Shift> {
  const [shift] = await planShifts(tx, actor, city, input, [{ date: input.date, start: input.start, end: input.end }], null);
  return shift!;
}

/** Expands a repeating pattern into shifts, all or none: one clash refuses the series and lists the clashes. */
export async function planSeries(
  tx: TenantTx,
  actor: Actor,
  city: City,
  input: z.infer<typeof shiftSeriesCreateSchema>,
): Promise<{ seriesId: string; created: number; shifts: Shift[] }> {
  const dates = expandDates(input.from, input.to, input.weekdays, input.skipDates);
  if (dates.length === 0) throw new AppError('validation_failed', { fields: [{ field: 'weekdays', code: 'too_small' }] });
  const seriesId = uuidv7();
  await insertSeries(tx, { id: seriesId, definition: input, createdBy: actor.userId });
  const shifts = await planShifts(tx, actor, city, input, dates.map((date) => ({ date, start: input.start, end: input.end })), seriesId);
  await recordAudit(tx, { action: 'shift_series.create', resourceType: 'shift_series', resourceId: seriesId, actorId: actor.userId, after: { ...input, created: shifts.length } });
  return { seriesId, created: shifts.length, shifts };
}

const MAX_SERIES_DAYS = 366;

/** Local dates between from and to (inclusive) on the ISO weekdays, minus the skipped ones. */
export function expandDates(from: string, to: string, weekdays: number[], skipDates: string[]): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const days = (end - start) / 86_400_000;
  if (days < 0) throw new AppError('validation_failed', { fields: [{ field: 'to', code: 'end_before_start' }] });
  if (days >= MAX_SERIES_DAYS) throw new AppError('validation_failed', { fields: [{ field: 'to', code: 'too_big', params: { maximum: MAX_SERIES_DAYS } }] });
  const skipped = new Set(skipDates);
  const dates: string[] = [];
  for (let day = 0; day <= days; day += 1) {
    const date = new Date(start + day * 86_400_000);
    const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
    const text = date.toISOString().slice(0, 10);
    if (weekdays.includes(isoWeekday) && !skipped.has(text)) dates.push(text);
  }
  return dates;
}

async function planShifts(tx: TenantTx, actor: Actor, city: City, fields: ShiftFields, times: PlannedTime[], seriesId: string | null): Promise<Shift[]> {
  await assertReferences(tx, fields);
  const instants = await toInstants(tx, city.timeZone, times);
  await assertNoOverlap(tx, city, fields.assistantIds, instants, null);
  const shifts: NewShift[] = times.map((time, index) => ({
    id: uuidv7(),
    localDate: time.date,
    ...instants[index]!,
    dutyType: fields.dutyType,
    placeIds: fields.placeIds,
    localityIds: fields.localityIds,
    note: fields.note || null,
    seriesId,
    createdBy: actor.userId,
  }));
  await insertShifts(tx, shifts, fields.assistantIds);
  if (!seriesId) {
    await recordAudit(tx, { action: 'shift.create', resourceType: 'shift', resourceId: shifts[0]!.id, actorId: actor.userId, after: { ...fields, date: times[0]!.date } });
  }
  const rows = await listShiftRows(tx, city.timeZone, { from: times[0]!.date, to: times.at(-1)!.date, ids: shifts.map((shift) => shift.id) });
  return rows.map(presentShift);
}

async function assertReferences(tx: TenantTx, fields: Partial<ShiftFields>): Promise<void> {
  const issues: FieldIssue[] = [];
  if (fields.assistantIds) {
    const assistants = new Set((await findActiveUsers(tx, { ids: fields.assistantIds, roles: ['assistant'] })).map((user) => user.id));
    fields.assistantIds.forEach((id, index) => {
      if (!assistants.has(id)) issues.push({ field: `assistantIds.${index}`, code: 'not_an_assistant' });
    });
  }
  for (const [field, table] of [['placeIds', 'places'], ['localityIds', 'localities']] as const) {
    const ids = fields[field] ?? [];
    const missing = new Set(await findMissingReferences(tx, table, ids));
    ids.forEach((id, index) => {
      if (missing.has(id)) issues.push({ field: `${field}.${index}`, code: 'unknown_reference' });
    });
  }
  if (issues.length > 0) throw new AppError('validation_failed', { fields: issues });
}

async function assertNoOverlap(
  tx: TenantTx,
  city: City,
  assistantIds: string[],
  instants: { startsAt: Date; endsAt: Date }[],
  exceptShiftId: string | null,
): Promise<void> {
  await lockAssistants(tx, assistantIds);
  const overlaps = await findOverlaps(tx, assistantIds, instants, city.timeZone, exceptShiftId);
  if (overlaps.length === 0) return;
  throw new AppError('shift_overlap', {
    fields: overlaps.map(({ name, date, start, end }) => ({ field: 'assistantIds', code: 'overlaps_shift', params: { name, date, start, end } })),
  });
}

export async function getShift(tx: TenantTx, city: City, id: string): Promise<ShiftRow> {
  const row = await findShiftRow(tx, city.timeZone, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Changes a shift. Changes once it has begun (or anyone checked in) are marked so in the audit log. */
export async function changeShift(tx: TenantTx, actor: Actor, city: City, id: string, input: z.infer<typeof shiftUpdateSchema>): Promise<Shift> {
  const before = await getShift(tx, city, id);
  if (before.version !== input.version) throw new AppError('version_conflict', { extensions: { current: presentShift(before) } });
  await assertReferences(tx, input);
  const assistantIds = input.assistantIds ?? before.assistants.map((assistant) => assistant.id);
  const time = { date: input.date ?? before.date, start: input.start ?? before.start, end: input.end ?? before.end };
  const [instants] = await toInstants(tx, city.timeZone, [time]);
  if (!(input.cancelled ?? before.cancelled)) await assertNoOverlap(tx, city, assistantIds, [instants!], id);
  const isUpdated = await updateShiftAtVersion(tx, id, input.version, {
    localDate: time.date,
    ...instants!,
    ...(input.dutyType ? { dutyType: input.dutyType } : {}),
    ...(input.placeIds ? { placeIds: input.placeIds } : {}),
    ...(input.localityIds ? { localityIds: input.localityIds } : {}),
    ...(input.note !== undefined ? { note: input.note || null } : {}),
    ...(input.cancelled !== undefined ? { cancelled: input.cancelled } : {}),
  });
  if (!isUpdated) throw new AppError('version_conflict');
  if (input.assistantIds) await replaceAssignments(tx, id, input.assistantIds);
  const after = await getShift(tx, city, id);
  await recordAudit(tx, {
    action: hasStarted(before) ? 'shift.update_after_start' : 'shift.update',
    resourceType: 'shift',
    resourceId: id,
    actorId: actor.userId,
    before: presentShift(before),
    after: presentShift(after),
  });
  return presentShift(after);
}

/** Has anyone checked in, or has the shift's time begun? */
function hasStarted(shift: ShiftRow, now = new Date()): boolean {
  return new Date(shift.startsAt) <= now || shift.assistants.some((assistant) => assistant.checkedInAt !== null);
}

/** Week views: an assistant sees their own shifts; mentors any assistant's or a team's. */
export async function listShifts(tx: TenantTx, actor: Actor, city: City, query: z.infer<typeof shiftListQuerySchema>): Promise<Shift[]> {
  let assistantIds = query.assistantId ? [query.assistantId] : undefined;
  if (query.teamId) assistantIds = await listTeamMemberIds(tx, query.teamId);
  if (!can(actor.role as Role, 'shift:list')) {
    if (assistantIds && !assistantIds.includes(actor.userId)) return [];
    assistantIds = [actor.userId];
  }
  if (assistantIds?.length === 0) return [];
  return (await listShiftRows(tx, city.timeZone, { from: query.from, to: query.to, assistantIds })).map(presentShift);
}

/** An assistant checks in or out of their shift; a repeat (an offline resend) keeps the first time. */
export async function checkShift(
  tx: TenantTx,
  actor: Actor,
  city: City,
  id: string,
  which: 'in' | 'out',
  input: z.infer<typeof shiftCheckSchema>,
): Promise<Shift> {
  const shift = await getShift(tx, city, id);
  if (!shift.assistants.some((assistant) => assistant.id === actor.userId)) throw new AppError('not_found');
  const [lon, lat] = input.location?.coordinates ?? [];
  const location = lon !== undefined && lat !== undefined ? { lon, lat } : null;
  if (await recordCheck(tx, id, actor.userId, which, new Date(input.at), location)) {
    await recordAudit(tx, { action: `shift.check_${which}`, resourceType: 'shift', resourceId: id, actorId: actor.userId, after: { at: input.at, hasLocation: location !== null } });
  }
  return presentShift(await getShift(tx, city, id));
}

/** What the field app needs for a day, in one answer it can keep offline. */
export async function fieldDay(tx: TenantTx, actor: Actor, city: City, date: string, language: string) {
  return {
    date,
    shifts: await listShifts(tx, actor, city, { from: date, to: date, assistantId: actor.userId }),
    categories: (await listCategories(tx, language)).filter((category) => category.active),
    gpsCheckIn: (await findSettings(tx)).gpsCheckIn,
  };
}
