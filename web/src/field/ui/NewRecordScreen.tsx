import type { FieldRecordCategory } from '@saferhood/contracts/field-work';
import { useState } from 'react';
import { useFieldState, type Navigate } from '../app/controller-context';
import { useI18n } from '../lib/i18n';
import { CategoryGrid } from './CategoryGrid';
import { RecordForm } from './RecordForm';
import { SignalForm } from './SignalForm';

/** Tap 1: the category. Tap 2 (usually nothing to change): Save. Signals get their own minimal form. */
export function NewRecordScreen({ navigate }: { navigate: Navigate }) {
  const { t } = useI18n();
  const state = useFieldState();
  const [category, setCategory] = useState<FieldRecordCategory | null>(null);
  const categories = (state.today?.categories ?? []).filter((candidate) => candidate.active);
  const done = () => navigate({ screen: 'today' }, { replace: true });

  if (categories.length === 0) return <p className="notice notice-warning">{t('new.noCategories')}</p>;
  if (!category) return <CategoryGrid categories={categories} onPick={setCategory} />;
  if (category.sensitivity === 'restricted') return <SignalForm category={category} onSaved={done} onChangeCategory={() => setCategory(null)} />;
  return <RecordForm category={category} recordId={null} initial={null} onSaved={done} onChangeCategory={() => setCategory(null)} />;
}
