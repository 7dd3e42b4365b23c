import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types for Kysely, camelCase (CamelCasePlugin maps them to snake_case columns).
 * Keep in step with migrations/; the API tests exercise every column through the real database.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  defaultLanguage: string;
  currency: string;
  isPlatform: Generated<boolean>;
  createdAt: Timestamp;
  createdBy: string | null;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface UsersTable {
  tenantId: string;
  id: string;
  email: string;
  displayName: string;
  role: string;
  language: string | null;
  passwordHash: string;
  isDisabled: Generated<boolean>;
  passwordChangedAt: Timestamp;
  lastSignInAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  createdAt: Timestamp;
  createdBy: string | null;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface SessionsTable {
  tenantId: string;
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: ColumnType<Date, Date, Date>;
  userAgent: string | null;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  at: Timestamp;
  tenantSlug: string;
  email: string;
  ip: string;
  succeeded: boolean;
}

export interface AuditLogTable {
  tenantId: string;
  /** From a sequence when written (migration 20261202100000_audit_sealing.sql); the chain position is in audit_seals. */
  id: Generated<string>;
  at: Generated<Date>;
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before: Json;
  after: Json;
  salt: Generated<string | null>;
  payloadHash: Generated<string>;
  redactedAt: Generated<Date | null>;
}

/** An entry's place in its city's chain, appended by the sealer only. */
export interface AuditSealsTable {
  tenantId: string;
  seq: string;
  entryId: string;
  prevHash: string;
  hash: string;
  sealedAt: Generated<Date>;
}

export interface AuditUnsealedTable {
  tenantId: string;
  entryId: string;
}

export interface AuditChainHeadsTable {
  tenantId: string;
  seq: string;
  hash: string;
}

export interface AccessLogTable {
  tenantId: string;
  id: string;
  at: Timestamp;
  userId: string;
  resourceType: string;
  resourceId: string;
  purpose: string;
}

/** PostGIS geometry: written through SQL fragments (geometry.sql.ts), read as GeoJSON through them too. */
type Geometry = ColumnType<unknown, unknown, unknown>;

export interface LocalityKindsTable {
  tenantId: string;
  code: string;
  labels: ColumnType<Record<string, string>, string, string>;
  color: string;
  sortOrder: Generated<number>;
}

export interface LocalitiesTable {
  tenantId: string;
  id: string;
  name: string;
  kind: string;
  externalCode: string | null;
  description: string | null;
  status: Generated<string>;
  boundary: Geometry;
  createdAt: Timestamp;
  createdBy: string | null;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface PlacesTable {
  tenantId: string;
  id: string;
  name: string;
  kind: string;
  geometry: Geometry;
  localityId: string | null;
  externalCode: Generated<string | null>;
  status: Generated<string>;
  createdAt: Timestamp;
  createdBy: string | null;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface CityAreasTable {
  tenantId: string;
  boundary: Geometry;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface IndicatorsTable {
  tenantId: string;
  id: string;
  name: string;
  unit: string;
  description: string | null;
  createdAt: Timestamp;
  createdBy: string | null;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface IndicatorValuesTable {
  tenantId: string;
  id: string;
  indicatorId: string;
  localityId: string | null;
  onDate: ColumnType<string, string, string>;
  value: ColumnType<string, string, string>;
  source: string | null;
  createdAt: Timestamp;
  createdBy: string | null;
}

export interface CrimeTypesTable {
  code: number;
  parent: number | null;
  topClass: number;
  level: number;
  nameCs: string;
  descriptionCs: string | null;
}

export interface CrimeOffencesTable {
  tenantId: string;
  id: string;
  occurredAt: Timestamp;
  location: Geometry;
  mp: boolean;
  state: number;
  relevance: number;
  types: number[];
  topClass: number;
  localityId: string | null;
  importedAt: Timestamp;
}

export interface SchemaMigrationsTable {
  name: string;
  appliedAt: Timestamp;
}

export interface FieldRecordCategoriesTable {
  tenantId: string;
  code: string;
  labels: Json;
  icon: string;
  sensitivity: Generated<string>;
  alert: Generated<string>;
  sortOrder: Generated<number>;
  active: Generated<boolean>;
}

export interface FieldTeamsTable {
  tenantId: string;
  id: string;
  name: string;
  mentorId: string | null;
  createdAt: Timestamp;
  createdBy: string | null;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface FieldTeamMembersTable {
  tenantId: string;
  teamId: string;
  userId: string;
}

export interface FieldSettingsTable {
  tenantId: string;
  signalSocialWorkerId: string | null;
  signalPoliceContactId: string | null;
  gpsCheckIn: Generated<boolean>;
  updatedAt: Timestamp;
}

export interface ShiftSeriesTable {
  tenantId: string;
  id: string;
  definition: Json;
  createdAt: Timestamp;
  createdBy: string | null;
}

export interface ShiftsTable {
  tenantId: string;
  id: string;
  localDate: ColumnType<string, string, string>;
  startsAt: Timestamp;
  endsAt: Timestamp;
  dutyType: string;
  placeIds: ColumnType<string[], string[], string[]>;
  localityIds: ColumnType<string[], string[], string[]>;
  note: string | null;
  seriesId: string | null;
  cancelled: Generated<boolean>;
  createdAt: Timestamp;
  createdBy: string | null;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface ShiftAssignmentsTable {
  tenantId: string;
  shiftId: string;
  assistantId: string;
  checkedInAt: Timestamp | null;
  checkInLocation: Geometry | null;
  checkedOutAt: Timestamp | null;
  checkOutLocation: Geometry | null;
}

export interface FieldRecordsTable {
  tenantId: string;
  id: string;
  assistantId: string;
  shiftId: string | null;
  category: string;
  sensitivity: string;
  occurredAt: Timestamp;
  location: Geometry;
  locationSource: string | null;
  localityId: string | null;
  peopleCount: number | null;
  note: string | null;
  urgent: Generated<boolean>;
  signalKind: string | null;
  signalContact: string | null;
  status: Generated<string>;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: Timestamp | null;
  contentHash: string;
  amendments: Generated<number>;
  createdAt: Timestamp;
  createdBy: string;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface FieldRecordPhotosTable {
  tenantId: string;
  recordId: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
  createdAt: Timestamp;
}

export interface FieldRecordAmendmentsTable {
  tenantId: string;
  id: string;
  recordId: string;
  before: Json;
  after: Json;
  reason: string;
  createdAt: Timestamp;
  createdBy: string;
}

export interface NotificationsTable {
  tenantId: string;
  id: string;
  userId: string;
  kind: string;
  resourceType: string;
  resourceId: string;
  createdAt: Timestamp;
  readAt: Timestamp | null;
}

export interface DB {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  signInAttempts: SignInAttemptsTable;
  auditLog: AuditLogTable;
  auditChainHeads: AuditChainHeadsTable;
  auditSeals: AuditSealsTable;
  auditUnsealed: AuditUnsealedTable;
  accessLog: AccessLogTable;
  schemaMigrations: SchemaMigrationsTable;
  localityKinds: LocalityKindsTable;
  localities: LocalitiesTable;
  places: PlacesTable;
  cityAreas: CityAreasTable;
  crimeTypes: CrimeTypesTable;
  indicators: IndicatorsTable;
  indicatorValues: IndicatorValuesTable;
  crimeOffences: CrimeOffencesTable;
  fieldRecordCategories: FieldRecordCategoriesTable;
  fieldTeams: FieldTeamsTable;
  fieldTeamMembers: FieldTeamMembersTable;
  fieldSettings: FieldSettingsTable;
  shiftSeries: ShiftSeriesTable;
  shifts: ShiftsTable;
  shiftAssignments: ShiftAssignmentsTable;
  fieldRecords: FieldRecordsTable;
  fieldRecordPhotos: FieldRecordPhotosTable;
  fieldRecordAmendments: FieldRecordAmendmentsTable;
  notifications: NotificationsTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type NewTenantRow = Insertable<TenantsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserRowUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
