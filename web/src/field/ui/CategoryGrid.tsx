import type { FieldRecordCategory } from '@saferhood/contracts/field-work';
import { useI18n } from '../lib/i18n';
import { CategoryIcon } from './CategoryIcon';
import { categoryLabel } from './RecordForm';

/** The categories as big labelled tiles; those that alert someone at once are marked in red. */
export function CategoryGrid({ categories, onPick }: { categories: readonly FieldRecordCategory[]; onPick: (category: FieldRecordCategory) => void }) {
  const { t, language } = useI18n();
  return (
    <>
      <p>{t('new.pickCategory')}</p>
      <ul className="category-grid">
        {categories.map((category) => (
          <li key={category.code}>
            <button type="button" className={category.alert !== 'none' ? 'is-alert' : undefined} onClick={() => onPick(category)}>
              <CategoryIcon icon={category.icon} />
              <span>{categoryLabel(category, language)}</span>
              {category.alert === 'mentor' && <span className="alert-mark">{t('new.alertsMentor')}</span>}
              {category.alert === 'signal_recipients' && <span className="alert-mark">{t('new.alertsRecipients')}</span>}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
