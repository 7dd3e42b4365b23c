import type { FieldRecord, FieldRecordPut } from '@saferhood/contracts/field-work';

/** What the person wrote: the PUT body without the version it is based on (the outbox adds that). */
export type RecordContent = Omit<FieldRecordPut, 'baseVersion'>;

/** A GeoJSON point, [longitude, latitude]. */
export type Point = FieldRecordPut['location'];

/**
 * The version an edit is based on: `null` creates the record; a number is the server version the
 * person saw; `'previous'` is "whatever version the record op queued before this one produces" — used
 * when that op may already have reached the server but its answer has not come back.
 */
export type BaseVersion = number | 'previous' | null;

/** A definitive refusal that retrying will not change (a 4xx other than a conflict). */
export interface SendFailure {
  status: number;
  code: string;
  detail?: string;
}

interface OpCommon {
  /** UUIDv7: the outbox is sent in the order of these ids. */
  id: string;
  /**
   * True once it was handed to the network without a definitive answer: it may have reached the
   * server. Such an op is never changed again; a later edit queues a new op behind it.
   */
  attempted: boolean;
  failure: SendFailure | null;
}

export interface RecordOp extends OpCommon {
  kind: 'record';
  recordId: string;
  content: RecordContent;
  base: BaseVersion;
}

export interface PhotoOp extends OpCommon {
  kind: 'photo';
  recordId: string;
  photo: Blob;
}

export type ShiftAction = 'check-in' | 'check-out';

export interface ShiftOp extends OpCommon {
  kind: ShiftAction;
  shiftId: string;
  at: string;
  location?: Point;
}

export type OutboxOp = RecordOp | PhotoOp | ShiftOp;

/** The server refused an edit: someone changed the record meanwhile, or the mentor approved it. */
export interface Conflict {
  reason: 'version_conflict' | 'record_locked';
  theirs: FieldRecord;
}

/** A record as this phone knows it: the person's latest content and the server's last answer. */
export interface LocalRecord {
  id: string;
  content: RecordContent;
  /** The last state the server reported (a PUT's answer or the list); null until it has the record. */
  server: FieldRecord | null;
  conflict: Conflict | null;
  hasPhoto: boolean;
  /** When the person last saved it on this phone (for sorting while nothing is sent). */
  savedAt: string;
}

export interface StoreChange {
  putRecords?: LocalRecord[];
  putOps?: OutboxOp[];
  deleteOps?: string[];
}

/** Where the outbox lives (IndexedDB in the app, a Map in tests). `commit` is all-or-nothing. */
export interface SyncStore {
  /** In queue order (by id). */
  readOps(): Promise<OutboxOp[]>;
  readRecords(): Promise<LocalRecord[]>;
  readRecord(id: string): Promise<LocalRecord | undefined>;
  commit(change: StoreChange): Promise<void>;
}

export type Answer<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; code: string; detail?: string; current?: FieldRecord };

/** One record of a batch, as `POST /field-records/batch` takes it. */
export interface BatchRecord {
  id: string;
  body: FieldRecordPut;
}

/**
 * How the outbox reaches the server. A method throws when the network fails (the request may or may
 * not have arrived); any answer from the server comes back as an Answer.
 */
export interface SyncTransport {
  /**
   * Up to BATCH_SIZE records in one request: the whole request's answer (401, 503, …) or, when the
   * server took it, each record's own answer in the order sent — as its single PUT would have given it.
   */
  putRecords(records: readonly BatchRecord[]): Promise<Answer<{ id: string; answer: Answer<FieldRecord> }[]>>;
  putPhoto(id: string, photo: Blob): Promise<Answer<null>>;
  checkShift(shiftId: string, action: ShiftAction, body: { at: string; location?: Point }): Promise<Answer<unknown>>;
}

/** How a sync run ended: all sent (or refused for good), or stopped to try again later. */
export type SyncOutcome = 'done' | 'offline' | 'server_unavailable' | 'unauthenticated';
