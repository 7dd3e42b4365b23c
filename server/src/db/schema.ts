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
  seq: Generated<string>;
  at: Generated<Date>;
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before: Json;
  after: Json;
  prevHash: Generated<string>;
  hash: Generated<string>;
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

export interface SchemaMigrationsTable {
  name: string;
  appliedAt: Timestamp;
}

export interface DB {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  signInAttempts: SignInAttemptsTable;
  auditLog: AuditLogTable;
  auditChainHeads: AuditChainHeadsTable;
  accessLog: AccessLogTable;
  schemaMigrations: SchemaMigrationsTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type NewTenantRow = Insertable<TenantsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserRowUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
