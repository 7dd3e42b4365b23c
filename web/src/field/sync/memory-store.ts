import type { LocalRecord, OutboxOp, StoreChange, SyncStore } from './outbox-types';

/** The outbox in memory: for tests, and for a browser that refuses IndexedDB (private mode in old ones). */
export class MemorySyncStore implements SyncStore {
  private readonly ops = new Map<string, OutboxOp>();
  private readonly records = new Map<string, LocalRecord>();

  async readOps(): Promise<OutboxOp[]> {
    return [...this.ops.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((op) => structuredClone(op));
  }

  async readRecords(): Promise<LocalRecord[]> {
    return [...this.records.values()].map((record) => structuredClone(record));
  }

  async readRecord(id: string): Promise<LocalRecord | undefined> {
    const record = this.records.get(id);
    return record ? structuredClone(record) : undefined;
  }

  async commit(change: StoreChange): Promise<void> {
    for (const record of change.putRecords ?? []) this.records.set(record.id, structuredClone(record));
    for (const op of change.putOps ?? []) this.ops.set(op.id, structuredClone(op));
    for (const id of change.deleteOps ?? []) this.ops.delete(id);
  }
}
