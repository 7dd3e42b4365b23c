import { useFieldState, type Navigate } from '../app/controller-context';
import { RECORD_DAYS } from '../app/field-controller';
import { formatDateTime } from '../lib/dates';
import { useI18n } from '../lib/i18n';
import { CategoryIcon } from './CategoryIcon';
import { findCategory, RecordStateBadge } from './record-state';
import { categoryLabel } from './RecordForm';

/** The person's records of the last days, from this phone and from the server, newest first. */
export function RecordsScreen({ navigate }: { navigate: Navigate }) {
  const { t, language } = useI18n();
  const state = useFieldState();
  const since = Date.now() - RECORD_DAYS * 24 * 3600 * 1000;
  const views = state.outbox.records.filter((view) => view.state !== 'sent' || new Date(view.record.content.occurredAt).getTime() >= since);
  const timeZone = state.me?.tenant.timeZone;

  return (
    <>
      <p className="muted">{t('records.intro', { days: RECORD_DAYS })}</p>
      {views.length === 0 && <p className="notice">{t('records.empty')}</p>}
      <ul className="record-list">
        {views.map((view) => {
          const category = findCategory(state.today?.categories, view.record.content.category);
          return (
            <li key={view.record.id}>
              <button type="button" className="record-item" onClick={() => navigate({ screen: 'record', id: view.record.id })}>
                <CategoryIcon icon={category?.icon ?? 'other'} />
                <span className="record-text">
                  <strong>{category ? categoryLabel(category, language) : view.record.content.category}</strong>
                  <span className="muted">{formatDateTime(view.record.content.occurredAt, language, timeZone)}</span>{' '}
                  <RecordStateBadge view={view} t={t} />
                  {view.status === 'returned' && view.record.server?.reviewComment && (
                    <span style={{ display: 'block' }}>{t('records.comment', { comment: view.record.server.reviewComment })}</span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
