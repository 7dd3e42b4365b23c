import type { FieldRecordCategory } from '@saferhood/contracts/field-work';
import type { Translate } from '../lib/i18n';
import type { RecordView } from '../sync/outbox-view';

/** The badge of a record: waiting, sent, approved, returned, or something for the person to settle. */
export function RecordStateBadge({ view, t }: { view: RecordView; t: Translate }) {
  if (view.state === 'waiting') return <span className="badge badge-waiting">{t('state.waiting')}</span>;
  if (view.state === 'conflict') return <span className="badge badge-problem">{t('state.conflict')}</span>;
  if (view.state === 'locked') return <span className="badge badge-problem">{t('state.locked')}</span>;
  if (view.state === 'failed') return <span className="badge badge-problem">{t('state.failed')}</span>;
  if (view.status === 'approved') return <span className="badge badge-approved">{t('state.approved')}</span>;
  if (view.status === 'returned') return <span className="badge badge-problem">{t('state.returned')}</span>;
  return <span className="badge badge-sent">{t('state.sent')}</span>;
}

export function findCategory(categories: readonly FieldRecordCategory[] | undefined, code: string): FieldRecordCategory | undefined {
  return categories?.find((category) => category.code === code);
}
