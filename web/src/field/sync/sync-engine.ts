import type { FieldRecord } from '@saferhood/contracts/field-work';
import type {
  Answer,
  BatchRecord,
  LocalRecord,
  OutboxOp,
  PhotoOp,
  Point,
  RecordContent,
  RecordOp,
  ShiftAction,
  ShiftOp,
  StoreChange,
  SyncOutcome,
  SyncStore,
  SyncTransport,
} from './outbox-types';
import { buildPutBody, contentOfRecord, isSameContent } from './record-content';

export interface SyncEngineOptions {
  store: SyncStore;
  transport: SyncTransport;
  /** UUIDv7 in the app: ids sort in the order they were made, so the outbox keeps the person's order. */
  newId: () => string;
  now: () => string;
  /** Called after every change of the store, so the screen can show the new counts. */
  onChange?: () => void;
}

/** At most this many record ops go in one request (the server's limit, FIELD_RECORD_BATCH_MAX). */
export const BATCH_SIZE = 100;

const isRecordOpOf = (op: OutboxOp, recordId: string): op is RecordOp => op.kind === 'record' && op.recordId === recordId;
const recordIdOf = (op: OutboxOp): string | null => (op.kind === 'record' || op.kind === 'photo' ? op.recordId : null);

/**
 * The outbox: every create, edit, photo and check-in is written to the store first and sent later, in
 * order. No DOM and no fetch here — the store and the transport are given — so the rules can be tested
 * against a model of the server (test/field/sync-engine.property.test.ts).
 *
 * The rules:
 * - A record keeps its client-made id through every retry, so the server stores it once.
 * - An op that may have reached the server (`attempted`) is never changed; a later edit queues a new op
 *   behind it whose base is what the first one produced. Resending the first is safe: the server answers
 *   a repeated PUT with the same record.
 * - An edit carries the version the person saw. When the server has moved on (409), the person's content
 *   stays on the phone beside the server's, and nothing is sent for that record until they choose.
 * - A refusal that a retry cannot fix stays in the outbox, marked, until the person changes the record;
 *   nothing is ever dropped without their say.
 * - Record ops travel in batches of up to BATCH_SIZE, at most one op per record (a record's next op
 *   waits for the answer to the one before: its base may be that answer's version). Each record's
 *   answer in the batch is applied exactly as the answer to its single PUT would be.
 */
export class SyncEngine {
  private readonly store: SyncStore;
  private readonly transport: SyncTransport;
  private readonly newId: () => string;
  private readonly now: () => string;
  private readonly onChange: () => void;
  private lock: Promise<unknown> = Promise.resolve();
  private running: Promise<SyncOutcome> | null = null;

  constructor(options: SyncEngineOptions) {
    this.store = options.store;
    this.transport = options.transport;
    this.newId = options.newId;
    this.now = options.now;
    this.onChange = options.onChange ?? (() => undefined);
  }

  /** Runs `task` alone: reads and writes of the store never interleave with another task's. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.lock.then(task, task);
    this.lock = result.catch(() => undefined);
    return result;
  }

  private async commit(change: StoreChange): Promise<void> {
    await this.store.commit(change);
    this.onChange();
  }

  /** Creates (no id) or edits a record on this phone and queues it; returns its id. */
  saveRecord(id: string | null, content: RecordContent): Promise<string> {
    return this.exclusive(async () => {
      const recordId = id ?? this.newId();
      const existing = await this.store.readRecord(recordId);
      const record: LocalRecord = existing
        ? { ...existing, content, savedAt: this.now() }
        : { id: recordId, content, server: null, conflict: null, hasPhoto: false, savedAt: this.now() };
      // In conflict the person's newest content waits beside the server's until they choose.
      if (record.conflict) {
        await this.commit({ putRecords: [record] });
        return recordId;
      }
      const ops = (await this.store.readOps()).filter((op) => isRecordOpOf(op, recordId));
      const [first] = ops;
      const last = ops.at(-1);
      let op: RecordOp;
      let superseded: string[] = [];
      if (first?.failure) {
        // The server refused the first op and stored nothing; the ops behind it were never sent (it held
        // them). The new content takes the refused op's place — before the record's photo — and base.
        op = { ...first, content, failure: null };
        superseded = ops.slice(1).map((later) => later.id);
      } else if (last && !last.attempted) op = { ...last, content, failure: null };
      else if (last) op = { kind: 'record', id: this.newId(), recordId, content, base: 'previous', attempted: false, failure: null };
      else op = { kind: 'record', id: this.newId(), recordId, content, base: existing?.server?.version ?? null, attempted: false, failure: null };
      await this.commit({ putRecords: [record], putOps: [op], ...(superseded.length > 0 ? { deleteOps: superseded } : {}) });
      return recordId;
    });
  }

  /** Queues a record's photo; it is sent after the record itself. A newer photo replaces an unsent one. */
  attachPhoto(recordId: string, photo: Blob): Promise<void> {
    return this.exclusive(async () => {
      const record = await this.store.readRecord(recordId);
      if (!record) throw new Error(`no record ${recordId} on this phone`);
      const waiting = (await this.store.readOps()).find((op): op is PhotoOp => op.kind === 'photo' && op.recordId === recordId && !op.attempted);
      const op: PhotoOp = waiting ? { ...waiting, photo, failure: null } : { kind: 'photo', id: this.newId(), recordId, photo, attempted: false, failure: null };
      await this.commit({ putRecords: [{ ...record, hasPhoto: true }], putOps: [op] });
    });
  }

  /** Queues a shift's check-in or check-out (the server keeps the first time of repeats). */
  checkShift(shiftId: string, action: ShiftAction, at: string, location?: Point): Promise<void> {
    return this.exclusive(async () => {
      const op: OutboxOp = { kind: action, id: this.newId(), shiftId, at, attempted: false, failure: null, ...(location ? { location } : {}) };
      await this.commit({ putOps: [op] });
    });
  }

  /**
   * The person chose after a conflict: `theirs` takes the server's record; `mine` sends their content
   * again, now based on the version they were shown. An approved record can only be taken as it is.
   */
  resolveConflict(recordId: string, choice: 'mine' | 'theirs'): Promise<void> {
    return this.exclusive(async () => {
      const record = await this.store.readRecord(recordId);
      if (!record?.conflict) return;
      const { theirs, reason } = record.conflict;
      if (choice === 'theirs') {
        await this.commit({ putRecords: [{ ...record, content: contentOfRecord(theirs), server: theirs, conflict: null }] });
        return;
      }
      if (reason === 'record_locked') throw new Error('an approved record cannot be overwritten');
      const op: RecordOp = { kind: 'record', id: this.newId(), recordId, content: record.content, base: theirs.version, attempted: false, failure: null };
      await this.commit({ putRecords: [{ ...record, server: theirs, conflict: null }], putOps: [op] });
    });
  }

  /**
   * The person gives up a photo the server refused (the mentor approved the record before it arrived).
   * Only photos: a refused record op is fixed by editing the record, which queues it again.
   */
  discardRefusedPhoto(recordId: string): Promise<void> {
    return this.exclusive(async () => {
      const refused = (await this.store.readOps()).filter((op) => op.kind === 'photo' && op.recordId === recordId && op.failure);
      const record = await this.store.readRecord(recordId);
      if (refused.length === 0 || !record) return;
      await this.commit({ putRecords: [{ ...record, hasPhoto: record.server?.hasPhoto ?? false }], deleteOps: refused.map((op) => op.id) });
    });
  }

  /**
   * Takes in the server's list of the person's records (made on another phone, reviewed by the mentor).
   * Records with something unsent or in conflict are left alone: their own answers will bring the news.
   */
  mergeServerRecords(records: readonly FieldRecord[]): Promise<void> {
    return this.exclusive(async () => {
      const busy = new Set((await this.store.readOps()).map(recordIdOf));
      const putRecords: LocalRecord[] = [];
      for (const server of records) {
        if (busy.has(server.id)) continue;
        const local = await this.store.readRecord(server.id);
        if (local?.conflict || (local?.server && local.server.version > server.version)) continue;
        if (local?.server && local.server.version === server.version && local.server.status === server.status) continue;
        putRecords.push({
          id: server.id,
          content: contentOfRecord(server),
          server,
          conflict: null,
          hasPhoto: server.hasPhoto || (local?.hasPhoto ?? false),
          savedAt: local?.savedAt ?? server.createdAt,
        });
      }
      if (putRecords.length > 0) await this.commit({ putRecords });
    });
  }

  /** Sends the outbox in order until it is empty or the network or session stops it. One run at a time. */
  sync(): Promise<SyncOutcome> {
    if (!this.running) {
      this.running = this.runSync().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async runSync(): Promise<SyncOutcome> {
    for (;;) {
      const ops = await this.exclusive(() => this.takeNextOps());
      if (ops.length === 0) return 'done';
      const [first] = ops;
      const outcome = first!.kind === 'record' ? await this.sendBatch(ops as RecordOp[]) : await this.sendOne(first!);
      if (outcome) return outcome;
    }
  }

  private async sendOne(op: PhotoOp | ShiftOp): Promise<SyncOutcome | null> {
    let answer: Answer<unknown>;
    try {
      answer = await this.send(op);
    } catch {
      // The request may or may not have arrived: the op stays attempted and is sent as it is next time.
      return 'offline';
    }
    return this.exclusive(() => this.applyAnswer(op, answer));
  }

  private async sendBatch(ops: readonly RecordOp[]): Promise<SyncOutcome | null> {
    let answer: Answer<{ id: string; answer: Answer<FieldRecord> }[]>;
    try {
      answer = await this.transport.putRecords(ops.map((op): BatchRecord => ({ id: op.recordId, body: buildPutBody(op.content, op.base) })));
    } catch {
      // Lost on the way or on the way back: every op stays attempted and the batch is resent as it is.
      return 'offline';
    }
    return this.exclusive(async () => {
      if (!answer.ok) {
        if (answer.status === 401) {
          // Refused before anything was stored: the whole batch is as good as unsent.
          await this.commit({ putOps: ops.map((op) => ({ ...op, attempted: false })) });
          return 'unauthenticated';
        }
        // The whole request was refused (a busy server, …): each op as if its own PUT had heard it.
        for (const op of ops) {
          const outcome = await this.applyAnswer(op, answer);
          if (outcome) return outcome;
        }
        return null;
      }
      for (const [index, op] of ops.entries()) {
        const result = answer.value[index];
        // An answer that does not name this record leaves the op attempted: it is resent next time.
        if (result?.id !== op.recordId) continue;
        const outcome = await this.applyAnswer(op, result.answer);
        if (outcome) return outcome;
      }
      return null;
    });
  }

  /**
   * What to send next, marked as attempted: the first op not held back by a refused op of the same
   * record; if it is a record op, with it every later record op (up to BATCH_SIZE) whose record has no
   * op queued before it.
   */
  private async takeNextOps(): Promise<OutboxOp[]> {
    const held = new Set<string>();
    const seen = new Set<string>();
    const taken: OutboxOp[] = [];
    for (const op of await this.store.readOps()) {
      const recordId = recordIdOf(op);
      if (op.failure) {
        if (recordId) held.add(recordId);
        continue;
      }
      if (recordId && held.has(recordId)) continue;
      const isFirst = taken.length === 0;
      const joinsBatch = !isFirst && op.kind === 'record' && taken[0]!.kind === 'record' && !seen.has(op.recordId);
      if (recordId) seen.add(recordId);
      if (!isFirst && !joinsBatch) continue;
      let next: OutboxOp = { ...op, attempted: true };
      if (next.kind === 'record' && next.base === 'previous') {
        // The op before it is gone without pinning this one (it cannot be, but never send a guess).
        const record = await this.store.readRecord(next.recordId);
        next = { ...next, base: record?.server?.version ?? null };
      }
      taken.push(next);
      if (next.kind !== 'record' || taken.length === BATCH_SIZE) break;
    }
    if (taken.length > 0) await this.commit({ putOps: taken });
    return taken;
  }

  private send(op: PhotoOp | ShiftOp): Promise<Answer<unknown>> {
    switch (op.kind) {
      case 'photo':
        return this.transport.putPhoto(op.recordId, op.photo);
      default:
        return this.transport.checkShift(op.shiftId, op.kind, { at: op.at, ...(op.location ? { location: op.location } : {}) });
    }
  }

  /** Writes down what the server said; returns an outcome when the run must stop. */
  private async applyAnswer(op: OutboxOp, answer: Answer<unknown>): Promise<SyncOutcome | null> {
    if (answer.ok) {
      await this.applySuccess(op, answer.value);
      return null;
    }
    if (answer.status === 401) {
      // Refused before anything was stored: the op is as good as unsent.
      await this.commit({ putOps: [{ ...op, attempted: false }] });
      return 'unauthenticated';
    }
    if (answer.status >= 500 || answer.status === 408 || answer.status === 429) return 'server_unavailable';
    if (op.kind === 'record' && answer.status === 409 && (answer.code === 'version_conflict' || answer.code === 'record_locked')) {
      // An approved record may come back without the server's copy: the last one we had will do to show.
      const theirs = answer.current ?? (await this.store.readRecord(op.recordId))?.server;
      if (theirs) {
        await this.applyConflict(op, { reason: answer.code, theirs });
        return null;
      }
    }
    const failure = { status: answer.status, code: answer.code, ...(answer.detail ? { detail: answer.detail } : {}) };
    await this.commit({ putOps: [{ ...op, attempted: false, failure }] });
    return null;
  }

  private async applySuccess(op: OutboxOp, value: unknown): Promise<void> {
    if (op.kind !== 'record') {
      await this.commit({ deleteOps: [op.id] });
      return;
    }
    const server = value as FieldRecord;
    const record = await this.store.readRecord(op.recordId);
    const putRecords = record ? [{ ...record, server }] : [];
    // The next queued edit of this record was waiting to learn which version this one made.
    const next = (await this.store.readOps()).find((other) => isRecordOpOf(other, op.recordId) && other.id !== op.id);
    const putOps = next?.kind === 'record' && next.base === 'previous' ? [{ ...next, base: server.version }] : [];
    await this.commit({ putRecords, putOps, deleteOps: [op.id] });
  }

  private async applyConflict(op: RecordOp, conflict: LocalRecord['conflict'] & object): Promise<void> {
    const record = await this.store.readRecord(op.recordId);
    if (!record) return;
    // The server already holds exactly what the person has (their earlier send landed): nothing to choose.
    if (conflict.reason === 'version_conflict' && isSameContent(record.content, contentOfRecord(conflict.theirs))) {
      await this.applySuccess(op, conflict.theirs);
      return;
    }
    // Later edits of this record are already in record.content (the newest); they wait for the person.
    const dropped = (await this.store.readOps()).filter((other) => isRecordOpOf(other, op.recordId)).map((other) => other.id);
    await this.commit({ putRecords: [{ ...record, conflict, server: conflict.theirs }], deleteOps: dropped });
  }
}
