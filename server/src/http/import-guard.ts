import { sql } from 'kysely';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config';
import { type TenantTx, withTenant } from '../db/scope';
import { AppError } from './app-error';

/**
 * What an import may do, handed to its use case (docs/ARCHITECTURE.md, "Imports"): refuse a file
 * with too many rows before writing, and stop between chunks when the client went away or the
 * import ran out of time.
 */
export interface ImportGuard {
  /** Refuses (413 import_too_many_rows) more rows or features than IMPORT_MAX_ROWS. */
  assertRows(count: number): void;
  /** Throws when the import must stop, and yields to the event loop so other requests get a turn. */
  checkpoint(): Promise<void>;
}

/** Refuses a file with more rows than IMPORT_MAX_ROWS; callable before any transaction opens. */
export function assertImportRows(config: Config, count: number): void {
  if (count > config.imports.maxRows) {
    throw new AppError('import_too_many_rows', { params: { rows: count, max: config.imports.maxRows } });
  }
}

/** A counting semaphore without a queue: an import either gets a slot at once or is refused. */
export class ImportSlots {
  private taken = 0;

  constructor(private readonly size: number) {}

  /** A release function, or undefined when every slot is taken. */
  tryAcquire(): (() => void) | undefined {
    if (this.taken >= this.size) return undefined;
    this.taken += 1;
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      this.taken -= 1;
    };
  }
}

/** Seconds a refused import is told to wait (Retry-After). */
const BUSY_RETRY_SECONDS = 30;

/**
 * Runs an import in one tenant transaction, bounded so it cannot block every city:
 * - at most IMPORT_CONCURRENCY imports per process (more get 503 import_busy): they never take the
 *   whole connection pool, so sign-ins and field records keep theirs;
 * - `statement_timeout` and `lock_timeout` set locally in the transaction (SET LOCAL via set_config),
 *   and a deadline for the whole import;
 * - cancelled when the client goes away: on PostgreSQL the running statement is cancelled with
 *   pg_cancel_backend, and `guard.checkpoint()` between chunks stops the work on both databases;
 * - rolled back whenever it stopped, answering 503 request_timed_out.
 */
export async function runImport<T>(
  app: FastifyInstance,
  reply: FastifyReply,
  tenantId: string,
  work: (tx: TenantTx, guard: ImportGuard) => Promise<T>,
  overrides: { timeoutSeconds?: number } = {},
): Promise<T> {
  const release = app.importSlots.tryAcquire();
  if (!release) throw new AppError('import_busy', { headers: { 'retry-after': String(BUSY_RETRY_SECONDS) } });
  const timeoutMs = (overrides.timeoutSeconds ?? app.config.imports.timeoutSeconds) * 1000;
  const stop = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) stop.abort(new Error('client went away'));
  };
  reply.raw.once('close', onClose);
  const deadline = setTimeout(() => stop.abort(new Error('import deadline')), timeoutMs);
  const guard: ImportGuard = {
    assertRows: (count) => assertImportRows(app.config, count),
    checkpoint: async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stop.signal.aborted) throw new AppError('request_timed_out');
    },
  };
  try {
    return await withTenant(app.database.db, tenantId, async (tx) => {
      const { rows } = await sql<{ pid: number; xactMicros: string }>`
        SELECT set_config('statement_timeout', ${String(timeoutMs)}, true),
               set_config('lock_timeout', ${String(Math.max(1000, Math.round(timeoutMs / 10)))}, true),
               pg_backend_pid() AS pid, (extract(epoch FROM now()) * 1000000)::bigint::text AS xact_micros`.execute(tx);
      const { pid, xactMicros } = rows[0]!;
      let cancelling: Promise<unknown> | undefined;
      const cancel = () => {
        // Another pool connection cancels the statement this one is running (PGlite has one connection
        // and runs one statement at a time: there the checkpoints stop it) — only while this transaction
        // is still the backend's, so a late cancel never hits the next request on that connection.
        if (app.database.kind !== 'postgres') return;
        cancelling = sql`
          SELECT pg_cancel_backend(pid) FROM pg_stat_activity
           WHERE pid = ${pid} AND (extract(epoch FROM xact_start) * 1000000)::bigint = ${xactMicros}::bigint`
          .execute(app.database.db)
          .catch(() => undefined);
      };
      stop.signal.addEventListener('abort', cancel, { once: true });
      try {
        await guard.checkpoint();
        const result = await work(tx, guard);
        // Out of time or abandoned while the last statement ran: roll back rather than commit late.
        await guard.checkpoint();
        return result;
      } finally {
        stop.signal.removeEventListener('abort', cancel);
        // The connection goes back to the pool only once a cancel on its way has landed (an idle backend ignores it).
        await cancelling;
      }
    });
  } catch (error) {
    throw stop.signal.aborted && !(error instanceof AppError && error.code !== 'request_timed_out') ? new AppError('request_timed_out') : error;
  } finally {
    clearTimeout(deadline);
    reply.raw.off('close', onClose);
    release();
  }
}

/** No limits: for trusted files only (the demo seed, benchmarks), never for an upload. */
export const UNGUARDED: ImportGuard = { assertRows: () => undefined, checkpoint: async () => undefined };
