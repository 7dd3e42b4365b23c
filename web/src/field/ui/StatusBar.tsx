import { useController, useFieldState, type Navigate } from '../app/controller-context';
import { formatDateTime } from '../lib/dates';
import { useI18n } from '../lib/i18n';

/** Online or not, how much waits to be sent, when the day was last fetched. Always in view. */
export function StatusBar({ navigate }: { navigate: Navigate }) {
  const { t, tn, language } = useI18n();
  const controller = useController();
  const state = useFieldState();
  const waiting = state.outbox.waitingRecords;
  return (
    <div className="status-bar" role="status" aria-live="polite">
      <span className={state.isOnline ? 'online' : 'offline'}>{state.isOnline ? t('status.online') : t('status.offline')}</span>
      <button type="button" className={waiting === 0 ? 'badge badge-approved' : 'badge badge-waiting'} onClick={() => navigate({ screen: 'records' })} data-testid="waiting-count">
        {waiting === 0 ? t('status.nothingWaiting') : tn('status.waiting', waiting)}
      </button>
      {state.outbox.waitingShiftChecks > 0 && <span>{tn('status.waitingShiftChecks', state.outbox.waitingShiftChecks)}</span>}
      {state.outbox.needAttention > 0 && <span className="badge badge-problem">{tn('status.needAttention', state.outbox.needAttention)}</span>}
      {state.isSyncing ? (
        <span>{t('status.syncing')}</span>
      ) : (
        state.isOnline && (waiting > 0 || state.outbox.waitingShiftChecks > 0) && (
          <button type="button" className="icon-button" onClick={() => void controller.syncNow()}>
            {t('status.sendNow')}
          </button>
        )
      )}
      <span className="muted">
        {state.todaySavedAt ? t('status.refreshedAt', { time: formatDateTime(state.todaySavedAt, language, state.me?.tenant.timeZone) }) : t('status.neverRefreshed')}
      </span>
    </div>
  );
}
