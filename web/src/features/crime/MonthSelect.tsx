import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMonth } from './crime-period';
import type { CrimeMonth } from './use-crime-month';

/** Picks the month of registered crime to show; months without any data say so. */
export function MonthSelect({ crimeMonth, label }: { crimeMonth: CrimeMonth; label?: string }) {
  const { t, i18n } = useTranslation();
  if (!crimeMonth.month) return null;
  return (
    <NativeSelect
      label={label ?? t('crime.month')}
      value={crimeMonth.month}
      onChange={(event) => crimeMonth.setMonth(event.currentTarget.value)}
      data={crimeMonth.options.map((month) => ({
        value: month,
        label: crimeMonth.monthsWithData.has(month) ? formatMonth(month, i18n.language) : t('crime.monthWithoutData', { month: formatMonth(month, i18n.language) }),
      }))}
      maw={320}
    />
  );
}
