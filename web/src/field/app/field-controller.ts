import { uuidv7 } from 'uuidv7';
import {
  createHttpTransport,
  FieldApiError,
  fetchMe,
  fetchOfflineCopy,
  fetchOwnRecords,
  fetchToday,
  hasCsrfToken,
  setCsrfToken,
  type FieldMe,
  type FieldToday,
  type OfflineCopy,
} from '../api/field-api';
import { daysBefore, localDate } from '../lib/dates';
import { clearFieldDb, IdbSyncStore, readCache, writeCache } from '../storage/field-db';
import type { Point, ShiftAction, SyncOutcome } from '../sync/outbox-types';
import { summariseOutbox, type OutboxSummary } from '../sync/outbox-view';
import { isRetryable, retryDelayMs } from '../sync/retry';
import { SyncEngine } from '../sync/sync-engine';

/** How far back the list of the person's records reaches. */
export const RECORD_DAYS = 7;
const PERIODIC_SYNC_MS = 60_000;

/** Check-ins and check-outs made on this phone, shown before the server confirms them. */
export type LocalShiftChecks = Record<string, { checkedInAt?: string; checkedOutAt?: string }>;

export interface FieldState {
  me: FieldMe | null;
  today: FieldToday | null;
  todaySavedAt: string | null;
  offlineCopy: OfflineCopy | null;
  shiftChecks: LocalShiftChecks;
  outbox: OutboxSummary;
  isOnline: boolean;
  isSyncing: boolean;
  lastSync: SyncOutcome | null;
  /** The session ended while records wait: the person must sign in again to send them. */
  needsSignIn: boolean;
  /** A one-off message for the next screen ("Saved, will be sent when online"). */
  flash: string | null;
}

const EMPTY_OUTBOX: OutboxSummary = { records: [], waitingRecords: 0, waitingShiftChecks: 0, needAttention: 0 };

/**
 * The field app's state outside React: the outbox engine over IndexedDB, the cached day, and when to
 * sync (at start, when the network returns, every minute, after each change). Screens subscribe.
 */
export class FieldController {
  state: FieldState = {
    me: null,
    today: null,
    todaySavedAt: null,
    offlineCopy: null,
    shiftChecks: {},
    outbox: EMPTY_OUTBOX,
    isOnline: navigator.onLine,
    isSyncing: false,
    lastSync: null,
    needsSignIn: false,
    flash: null,
  };
  readonly engine: SyncEngine;
  private readonly store = new IdbSyncStore();
  private readonly listeners = new Set<() => void>();
  private timer: number | null = null;
  /** The backoff's next try after a failed sync, and how many failed in a row. */
  private retryTimer: number | null = null;
  private failedInARow = 0;
  /** Asked to sync while a sync ran: run once more when it ends (one sync at a time). */
  private isSyncAgain = false;

  constructor() {
    this.engine = new SyncEngine({
      store: this.store,
      transport: createHttpTransport(() => this.ensureCsrf()),
      newId: uuidv7,
      now: () => new Date().toISOString(),
      onChange: () => void this.reloadOutbox(),
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): FieldState => this.state;

  private set(patch: Partial<FieldState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Opens what this phone holds, then tries the network. */
  async start(): Promise<void> {
    const [me, offlineCopy, shiftChecks] = await Promise.all([
      readCache<FieldMe>('me'),
      readCache<{ copy: OfflineCopy }>('offline-copy'),
      readCache<LocalShiftChecks>('shift-checks'),
    ]);
    this.set({ me: me?.value ?? null, offlineCopy: offlineCopy?.value.copy ?? null, shiftChecks: shiftChecks?.value ?? {} });
    if (me) await this.loadCachedToday(me.value);
    await this.reloadOutbox();
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    this.timer = window.setInterval(() => void this.syncNow(), PERIODIC_SYNC_MS);
    if (navigator.onLine) await this.checkSession();
  }

  stop(): void {
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    if (this.timer !== null) window.clearInterval(this.timer);
    this.cancelRetry();
  }

  /** Back online: try at once, not when the backoff would have. */
  private handleOnline = () => {
    this.set({ isOnline: true });
    this.failedInARow = 0;
    this.cancelRetry();
    void this.syncNow();
  };

  private cancelRetry(): void {
    if (this.retryTimer !== null) window.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** After a sync the network or a busy server stopped: try again by itself, waiting longer each time. */
  private scheduleRetry(): void {
    this.cancelRetry();
    const delay = retryDelayMs(this.failedInARow, Math.random);
    this.failedInARow += 1;
    this.retryTimer = window.setTimeout(() => {
      this.retryTimer = null;
      void this.syncNow();
    }, delay);
  }

  private handleOffline = () => this.set({ isOnline: false });

  /** Online at start: is the session still there? Then send and refresh. */
  private async checkSession(): Promise<void> {
    try {
      const me = await fetchMe();
      // The session is gone: sign in again. What the phone holds stays until someone signs in — the same
      // person sends it; another person gets a clean phone (or is refused while records wait).
      if (!me) {
        if (this.state.me) this.set({ needsSignIn: true });
        return;
      }
      await this.acceptSession(me);
    } catch {
      // No network after all: the cached day will do.
    }
  }

  /**
   * After sign-in (or a session found at start): remember who it is, then send and refresh. Refused
   * (false) for another person while the phone holds someone's unsent work: it would go out under the
   * wrong name, and forgetting it would lose it.
   */
  async acceptSession(me: FieldMe): Promise<boolean> {
    const previous = this.state.me;
    if (previous && previous.user.id !== me.user.id) {
      const { waitingRecords, waitingShiftChecks, needAttention } = this.state.outbox;
      if (waitingRecords + waitingShiftChecks + needAttention > 0) {
        this.set({ needsSignIn: true });
        return false;
      }
      await this.forgetEverything();
    }
    setCsrfToken(me.csrfToken);
    await writeCache('me', me);
    this.set({ me, needsSignIn: false });
    if (!previous || previous.user.id !== me.user.id) await this.loadCachedToday(me);
    await this.syncNow();
    return true;
  }

  private async loadCachedToday(me: FieldMe): Promise<void> {
    const today = await readCache<FieldToday>(`today:${localDate(me.tenant.timeZone)}`);
    this.set({ today: today?.value ?? null, todaySavedAt: today?.savedAt ?? null });
  }

  private async ensureCsrf(): Promise<void> {
    if (hasCsrfToken()) return;
    const me = await fetchMe();
    if (!me) throw new FieldApiError(401, 'unauthenticated', undefined, undefined);
  }

  async reloadOutbox(): Promise<void> {
    const [records, ops] = await Promise.all([this.store.readRecords(), this.store.readOps()]);
    this.set({ outbox: summariseOutbox(records, ops) });
  }

  /** Sends the outbox, then refreshes the day; one tab at a time (Web Locks where the browser has them). */
  async syncNow(): Promise<void> {
    if (!this.state.me) return;
    if (this.state.isSyncing) {
      this.isSyncAgain = true;
      return;
    }
    this.set({ isSyncing: true });
    let outcome: SyncOutcome | null = null;
    try {
      const run = async () => {
        outcome = await this.engine.sync();
        this.set({ lastSync: outcome, needsSignIn: outcome === 'unauthenticated' });
        if (outcome === 'done') await this.refresh();
      };
      if (navigator.locks) await navigator.locks.request('saferhood-field-sync', run);
      else await run();
    } finally {
      this.set({ isSyncing: false });
    }
    const ended: SyncOutcome | null = outcome;
    if (ended !== null && isRetryable(ended)) this.scheduleRetry();
    else {
      this.failedInARow = 0;
      this.cancelRetry();
    }
    if (this.isSyncAgain) {
      this.isSyncAgain = false;
      await this.syncNow();
    }
  }

  /** Fetches today, the person's records of the last days and the territory copy, and keeps them. */
  private async refresh(): Promise<void> {
    const me = this.state.me;
    if (!me) return;
    const date = localDate(me.tenant.timeZone);
    try {
      const today = await fetchToday(date);
      await writeCache(`today:${date}`, today);
      this.set({ today, todaySavedAt: new Date().toISOString() });
      const records = await fetchOwnRecords(daysBefore(date, RECORD_DAYS), daysBefore(date, -1));
      await this.engine.mergeServerRecords(records);
      const cached = await readCache<{ copy: OfflineCopy; etag: string | null }>('offline-copy');
      const fresh = await fetchOfflineCopy(cached?.value.etag ?? null);
      if (fresh) {
        await writeCache('offline-copy', fresh);
        this.set({ offlineCopy: fresh.copy });
      }
    } catch (error) {
      if (error instanceof FieldApiError && error.status === 401) this.set({ needsSignIn: true });
      // Otherwise the network dropped half-way: what we have stays, the next sync tries again.
    }
  }

  async saveShiftCheck(shiftId: string, action: ShiftAction, at: string, location?: Point): Promise<void> {
    const current = this.state.shiftChecks[shiftId] ?? {};
    const shiftChecks = { ...this.state.shiftChecks, [shiftId]: { ...current, [action === 'check-in' ? 'checkedInAt' : 'checkedOutAt']: at } };
    await writeCache('shift-checks', shiftChecks);
    this.set({ shiftChecks });
    await this.engine.checkShift(shiftId, action, at, location);
    void this.syncNow();
  }

  flash(message: string | null): void {
    this.set({ flash: message });
  }

  /** Signing out forgets everything on the phone; the screen refuses while anything waits. */
  async forgetEverything(): Promise<void> {
    await clearFieldDb();
    setCsrfToken(null);
    this.set({ me: null, today: null, todaySavedAt: null, offlineCopy: null, shiftChecks: {}, outbox: EMPTY_OUTBOX, needsSignIn: false });
  }
}
