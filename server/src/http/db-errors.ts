import { AppError } from './app-error';

/**
 * Turns a PostgreSQL constraint or data violation into a user error (STYLE rule 6: the database
 * enforces invariants, this one function explains them). Returns undefined for anything else.
 */
const UNIQUE_CONSTRAINT_CODES: Record<string, AppError['code']> = {
  users_tenant_id_email_key: 'email_taken',
  tenants_slug_key: 'slug_taken',
};

export function databaseErrorToAppError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code === '23505') {
    return new AppError((typeof constraint === 'string' && UNIQUE_CONSTRAINT_CODES[constraint]) || 'conflict');
  }
  if (code.startsWith('23')) return new AppError('conflict'); // foreign key, check, not null, exclusion
  if (code.startsWith('22')) return new AppError('validation_failed'); // data exceptions: too long, bad format
  if (code === '40001' || code === '40P01') return new AppError('conflict'); // serialization failure, deadlock
  // statement_timeout or a cancel (57014), lock_timeout (55P03): the transaction was rolled back.
  if (code === '57014' || code === '55P03') return new AppError('request_timed_out');
  return undefined;
}
