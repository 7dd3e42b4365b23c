import { useFieldState, type Navigate } from '../app/controller-context';
import { useI18n } from '../lib/i18n';
import { findCategory } from './record-state';
import { RecordForm } from './RecordForm';
import { SignalForm } from './SignalForm';

/** Editing a record not yet approved: the same form, sent with the version it was based on. */
export function RecordEditScreen({ id, navigate }: { id: string; navigate: Navigate }) {
  const { t } = useI18n();
  const state = useFieldState();
  const view = state.outbox.records.find((candidate) => candidate.record.id === id);
  const category = view && findCategory(state.today?.categories, view.record.content.category);
  if (!view || !category) return <p className="notice">{t('record.notFound')}</p>;
  const done = () => navigate({ screen: 'record', id }, { replace: true });
  if (category.sensitivity === 'restricted') return <SignalForm category={category} recordId={id} initial={view.record.content} onSaved={done} />;
  return <RecordForm category={category} recordId={id} initial={view.record.content} hasPhoto={view.record.hasPhoto} onSaved={done} />;
}
