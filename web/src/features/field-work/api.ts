import {
  activityStatementSchema,
  fieldRecordAmendmentListSchema,
  fieldRecordCategorySchema,
  fieldRecordListSchema,
  fieldRecordSchema,
  fieldRecordSummarySchema,
  fieldSettingsSchema,
  fieldTeamListSchema,
  fieldTeamSchema,
  notificationListSchema,
  reviewQueueSchema,
  shiftListSchema,
  shiftSchema,
  shiftSeriesResultSchema,
  type ActivityStatement,
  type FieldRecord,
  type FieldRecordCategory,
  type FieldRecordStatus,
  type Shift,
  type ShiftCreate,
} from '@saferhood/contracts';
import { apiUrl, requestJson, requestVoid } from '../../lib/api-client';

/** Every field-work query lives under this key, so a review or a plan refreshes what depends on it. */
export const FIELD_WORK_QUERY_KEY = ['field-work'] as const;
export const SHIFTS_QUERY_KEY = [...FIELD_WORK_QUERY_KEY, 'shifts'] as const;
export const RECORDS_QUERY_KEY = [...FIELD_WORK_QUERY_KEY, 'records'] as const;
export const TEAMS_QUERY_KEY = [...FIELD_WORK_QUERY_KEY, 'teams'] as const;
export const CATEGORIES_QUERY_KEY = [...FIELD_WORK_QUERY_KEY, 'categories'] as const;
export const SETTINGS_QUERY_KEY = [...FIELD_WORK_QUERY_KEY, 'settings'] as const;
export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;

const id = (value: string) => encodeURIComponent(value);

// ----- Shifts -----

export interface ShiftQuery {
  from: string;
  to: string;
  assistantId?: string;
  teamId?: string;
}

export async function listShifts(query: ShiftQuery): Promise<Shift[]> {
  const { items } = await requestJson('GET', '/shifts', shiftListSchema, { query: { ...query } });
  return items;
}

export function createShift(shift: ShiftCreate): Promise<Shift> {
  return requestJson('POST', '/shifts', shiftSchema, { body: shift });
}

export interface ShiftSeriesCreate extends Omit<ShiftCreate, 'date'> {
  from: string;
  to: string;
  weekdays: number[];
  skipDates: string[];
}

export function createShiftSeries(series: ShiftSeriesCreate) {
  return requestJson('POST', '/shift-series', shiftSeriesResultSchema, { body: series });
}

export type ShiftUpdate = Partial<ShiftCreate> & { cancelled?: boolean; version: number };

export function updateShift(shiftId: string, update: ShiftUpdate): Promise<Shift> {
  return requestJson('PATCH', `/shifts/${id(shiftId)}`, shiftSchema, { body: update });
}

// ----- Teams, settings, categories -----

export async function listTeams() {
  const { items } = await requestJson('GET', '/field-teams', fieldTeamListSchema);
  return items;
}

export interface TeamInput {
  name: string;
  mentorId: string | null;
  memberIds: string[];
}

export function createTeam(team: TeamInput) {
  return requestJson('POST', '/field-teams', fieldTeamSchema, { body: team });
}

export function updateTeam(teamId: string, team: Partial<TeamInput> & { version: number }) {
  return requestJson('PATCH', `/field-teams/${id(teamId)}`, fieldTeamSchema, { body: team });
}

export function getFieldSettings() {
  return requestJson('GET', '/field-settings', fieldSettingsSchema);
}

export type FieldSettings = ReturnType<typeof fieldSettingsSchema.parse>;

export function updateFieldSettings(settings: Partial<FieldSettings>) {
  return requestJson('PUT', '/field-settings', fieldSettingsSchema, { body: settings });
}

// The one list the API answers as a plain array.
const categoryListSchema = { parse: (data: unknown) => (Array.isArray(data) ? data : []).map((item) => fieldRecordCategorySchema.parse(item)) };

export function listCategories(): Promise<FieldRecordCategory[]> {
  return requestJson('GET', '/field-record-categories', categoryListSchema);
}

export interface CategoryInput {
  labels: Record<string, string>;
  icon: string;
  sensitivity: FieldRecordCategory['sensitivity'];
  alert: FieldRecordCategory['alert'];
}

export function createCategory(category: CategoryInput & { code: string }) {
  return requestJson('POST', '/field-record-categories', fieldRecordCategorySchema, { body: category });
}

export function updateCategory(code: string, update: Partial<CategoryInput> & { active?: boolean }) {
  return requestJson('PATCH', `/field-record-categories/${id(code)}`, fieldRecordCategorySchema, { body: update });
}

// ----- Field records -----

export interface RecordQuery {
  from?: string;
  to?: string;
  localityId?: string;
  category?: string;
  assistantId?: string;
  status?: FieldRecordStatus;
  limit?: number;
}

export async function listRecords(query: RecordQuery): Promise<FieldRecord[]> {
  const { items } = await requestJson('GET', '/field-records', fieldRecordListSchema, { query: { ...query } });
  return items;
}

export async function listSignals(query: RecordQuery = {}): Promise<FieldRecord[]> {
  const { items } = await requestJson('GET', '/field-records/signals', fieldRecordListSchema, { query: { ...query } });
  return items;
}

export function getRecord(recordId: string): Promise<FieldRecord> {
  return requestJson('GET', `/field-records/${id(recordId)}`, fieldRecordSchema);
}

export async function getReviewQueue() {
  const { assistants } = await requestJson('GET', '/field-records/review-queue', reviewQueueSchema);
  return assistants;
}

export interface ReviewDecision {
  decision: 'approve' | 'return';
  comment?: string;
  version: number;
}

export function reviewRecord(recordId: string, decision: ReviewDecision): Promise<FieldRecord> {
  return requestJson('POST', `/field-records/${id(recordId)}/review`, fieldRecordSchema, { body: decision });
}

export interface AmendmentInput {
  changes: { category?: string; occurredAt?: string; peopleCount?: number; note?: string; urgent?: boolean };
  reason: string;
  version: number;
}

export function amendRecord(recordId: string, amendment: AmendmentInput): Promise<FieldRecord> {
  return requestJson('POST', `/field-records/${id(recordId)}/amendments`, fieldRecordSchema, { body: amendment });
}

export async function listAmendments(recordId: string) {
  const { items } = await requestJson('GET', `/field-records/${id(recordId)}/amendments`, fieldRecordAmendmentListSchema);
  return items;
}

/** The photo's address for an <img>: the browser sends the session cookie itself. */
export function photoUrl(recordId: string): string {
  return apiUrl(`/field-records/${id(recordId)}/photo`);
}

export type SummaryGrouping = 'category' | 'locality' | 'month' | 'category,locality' | 'category,month';

export function summariseRecords(query: { from: string; to: string; groupBy: SummaryGrouping }) {
  return requestJson('GET', '/field-records/summary', fieldRecordSummarySchema, { query: { ...query } });
}

// ----- Notifications -----

export function listNotifications() {
  return requestJson('GET', '/notifications', notificationListSchema);
}

export function markNotificationRead(notificationId: string): Promise<void> {
  return requestVoid('POST', `/notifications/${id(notificationId)}/read`);
}

// ----- Monthly activity statement -----

export interface StatementQuery {
  month: string;
  assistantId?: string;
}

export function getActivityStatement(query: StatementQuery): Promise<ActivityStatement> {
  return requestJson('GET', '/reports/activity-statement', activityStatementSchema, { query: { ...query, format: 'json' } });
}

/** A download link: the browser fetches the file with the session cookie. */
export function activityStatementUrl(query: StatementQuery & { format: 'xlsx' | 'pdf'; lang: string }): string {
  return apiUrl('/reports/activity-statement', { ...query });
}
