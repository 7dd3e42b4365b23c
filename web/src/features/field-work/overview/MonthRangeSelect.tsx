import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMonth, listMonths, shiftMonth } from '../field-time';

export interface MonthRange {
  first: string;
  last: string;
}

/** Two month pickers (from, to) over the last three years; the last month is never before the first. */
export function MonthRangeSelect({ range, onChange, latest }: { range: MonthRange; onChange: (range: MonthRange) => void; latest: string }) {
  const { t, i18n } = useTranslation();
  const options = listMonths(shiftMonth(latest, -35), latest)
    .reverse()
    .map((month) => ({ value: month, label: formatMonth(month, i18n.language) }));
  return (
    <Group gap="sm" align="flex-end">
      <NativeSelect label={t('fieldWork.overview.fromMonth')} value={range.first} data={options} onChange={(event) => { const first = event.currentTarget.value; onChange({ first, last: range.last < first ? first : range.last }); }} miw={200} />
      <NativeSelect label={t('fieldWork.overview.toMonth')} value={range.last} data={options} onChange={(event) => { const last = event.currentTarget.value; onChange({ first: range.first > last ? last : range.first, last }); }} miw={200} />
    </Group>
  );
}
