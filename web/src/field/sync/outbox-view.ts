import type { FieldRecordStatus } from '@saferhood/contracts/field-work';
import type { LocalRecord, OutboxOp, SendFailure } from './outbox-types';

/** How a record stands, as the person sees it in their list. */
export type RecordState = 'waiting' | 'failed' | 'conflict' | 'locked' | 'sent';

export interface RecordView {
  record: LocalRecord;
  state: RecordState;
  /** The mentor's decision once sent. */
  status: FieldRecordStatus | null;
  failure: SendFailure | null;
  /** What was refused: the record itself, or its photo. */
  failedKind: 'record' | 'photo' | null;
}

export interface OutboxSummary {
  records: RecordView[];
  /** Records with something still to send (content or photo). */
  waitingRecords: number;
  /** Check-ins and check-outs still to send. */
  waitingShiftChecks: number;
  /** Records the person must look at: a conflict or a refusal. */
  needAttention: number;
}

/** Derives what the screen shows from the store's records and ops, newest record first. */
export function summariseOutbox(records: readonly LocalRecord[], ops: readonly OutboxOp[]): OutboxSummary {
  const waiting = new Set<string>();
  const failures = new Map<string, { failure: SendFailure; kind: 'record' | 'photo' }>();
  let waitingShiftChecks = 0;
  for (const op of ops) {
    if (op.kind !== 'record' && op.kind !== 'photo') {
      if (!op.failure) waitingShiftChecks += 1;
      continue;
    }
    if (op.failure) failures.set(op.recordId, { failure: op.failure, kind: op.kind });
    else waiting.add(op.recordId);
  }
  const views = records.map((record): RecordView => {
    const refused = failures.get(record.id) ?? null;
    const failure = refused?.failure ?? null;
    const state: RecordState = record.conflict
      ? record.conflict.reason === 'record_locked'
        ? 'locked'
        : 'conflict'
      : failure
        ? 'failed'
        : waiting.has(record.id)
          ? 'waiting'
          : 'sent';
    return { record, state, status: record.server?.status ?? null, failure, failedKind: refused?.kind ?? null };
  });
  views.sort((a, b) => occurredAtOf(b).localeCompare(occurredAtOf(a)));
  return {
    records: views,
    waitingRecords: views.filter((view) => view.state === 'waiting').length,
    waitingShiftChecks,
    needAttention: views.filter((view) => view.state === 'failed' || view.state === 'conflict' || view.state === 'locked').length,
  };
}

const occurredAtOf = (view: RecordView) => new Date(view.record.content.occurredAt).toISOString();
