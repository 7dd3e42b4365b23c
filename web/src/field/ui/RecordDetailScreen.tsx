import type { FieldRecordCategory } from '@saferhood/contracts/field-work';
import { useController, useFieldState, type Navigate } from '../app/controller-context';
import { formatDateTime } from '../lib/dates';
import { useI18n, type Translate } from '../lib/i18n';
import { contentOfRecord } from '../sync/record-content';
import type { RecordContent } from '../sync/outbox-types';
import { findCategory, RecordStateBadge } from './record-state';
import { categoryLabel } from './RecordForm';

/** One record: its content and state; for a conflict, theirs beside yours and the choice. */
export function RecordDetailScreen({ id, navigate }: { id: string; navigate: Navigate }) {
  const { t, language } = useI18n();
  const controller = useController();
  const state = useFieldState();
  const view = state.outbox.records.find((candidate) => candidate.record.id === id);
  if (!view) return <p className="notice">{t('record.notFound')}</p>;
  const { record } = view;
  const categories = state.today?.categories;
  const timeZone = state.me?.tenant.timeZone;
  const canEdit = view.status !== 'approved' && view.state !== 'locked' && view.state !== 'conflict';

  return (
    <>
      <p>
        <RecordStateBadge view={view} t={t} />
      </p>
      {view.state === 'waiting' && <p className="notice">{t('record.waitingHelp')}</p>}
      {view.state === 'failed' && view.failure && view.failedKind === 'record' && (
        <p className="notice notice-error">{t('record.failedHelp', { reason: view.failure.detail ?? view.failure.code })}</p>
      )}
      {view.state === 'failed' && view.failure && view.failedKind === 'photo' && (
        <div className="notice notice-error">
          <p>{t('record.photoRefused', { reason: view.failure.detail ?? view.failure.code })}</p>
          <button type="button" className="button" onClick={() => void controller.engine.discardRefusedPhoto(id)}>
            {t('record.discardPhoto')}
          </button>
        </div>
      )}
      {view.status === 'returned' && record.server?.reviewComment && <p className="notice notice-warning">{t('records.comment', { comment: record.server.reviewComment })}</p>}

      {record.conflict ? (
        <section aria-labelledby="conflict-title">
          <h2 id="conflict-title">{record.conflict.reason === 'record_locked' ? t('conflict.lockedTitle') : t('conflict.title')}</h2>
          <p>{record.conflict.reason === 'record_locked' ? t('conflict.lockedHelp') : t('conflict.help')}</p>
          <div className="compare">
            <ContentCard title={t('conflict.theirs')} content={contentOfRecord(record.conflict.theirs)} other={record.content} categories={categories} t={t} language={language} timeZone={timeZone} />
            <ContentCard title={t('conflict.yours')} content={record.content} other={contentOfRecord(record.conflict.theirs)} categories={categories} t={t} language={language} timeZone={timeZone} />
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void controller.engine.resolveConflict(id, 'theirs')}>
              {t('conflict.takeTheirs')}
            </button>
            {record.conflict.reason === 'version_conflict' && (
              <button type="button" className="button button-primary" onClick={() => void controller.engine.resolveConflict(id, 'mine').then(() => controller.syncNow())}>
                {t('conflict.keepMine')}
              </button>
            )}
          </div>
        </section>
      ) : (
        <ContentCard title={t('record.content')} content={record.content} categories={categories} t={t} language={language} timeZone={timeZone} />
      )}
      {record.hasPhoto && <p className="muted">{t('record.hasPhoto')}</p>}
      {canEdit && (
        <button type="button" className="button" onClick={() => navigate({ screen: 'edit', id })}>
          {t('record.edit')}
        </button>
      )}
    </>
  );
}

function ContentCard({
  title,
  content,
  other,
  categories,
  t,
  language,
  timeZone,
}: {
  title: string;
  content: RecordContent;
  other?: RecordContent;
  categories: readonly FieldRecordCategory[] | undefined;
  t: Translate;
  language: string;
  timeZone: string | undefined;
}) {
  const category = findCategory(categories, content.category);
  const rows: [string, string, boolean][] = [
    [t('field.category'), category ? categoryLabel(category, language) : content.category, content.category !== other?.category],
    [t('field.time'), formatDateTime(content.occurredAt, language, timeZone), content.occurredAt !== other?.occurredAt],
    [t('field.place'), content.location.coordinates.slice(0, 2).map((value) => value.toFixed(5)).join(', '), JSON.stringify(content.location) !== JSON.stringify(other?.location)],
    [t('field.people'), content.peopleCount === undefined ? '–' : String(content.peopleCount), content.peopleCount !== other?.peopleCount],
    [t('field.note'), content.note ?? '–', (content.note ?? '') !== (other?.note ?? '')],
    [t('field.urgent'), content.urgent ? t('field.yes') : t('field.no'), Boolean(content.urgent) !== Boolean(other?.urgent)],
  ];
  if (content.signal) rows.push([t('signal.kind'), t(`signal.kind.${content.signal.kind}`), false], [t('signal.contact'), t(`signal.contact.${content.signal.contact}`), false]);
  return (
    <section className="card">
      <h3>{title}</h3>
      <dl>
        {rows.map(([label, value, isDifferent]) => (
          <div key={label} className={other && isDifferent ? 'is-different' : undefined} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
