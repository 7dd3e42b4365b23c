import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useMe } from '../../auth/index';
import { shiftMonth, todayIn } from '../field-time';
import { CategoryTrendSection } from './CategoryTrendSection';
import { LocalityMapSection } from './LocalityMapSection';
import { MonthRangeSelect, type MonthRange } from './MonthRangeSelect';

/** The coordinator's view of field work: counts only (no record contents), by category over time and by locality on the map. */
export function FieldOverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const thisMonth = todayIn(me.tenant.timeZone).slice(0, 7);
  const [range, setRange] = useState<MonthRange>({ first: shiftMonth(thisMonth, -5), last: thisMonth });
  return (
    <>
      <PageHeader title={t('fieldWork.overview.title')} description={t('fieldWork.overview.description', { city: me.tenant.name })} />
      <Stack gap="xl">
        <Stack gap="xs">
          <MonthRangeSelect range={range} onChange={setRange} latest={thisMonth} />
          <Text size="sm" c="dimmed" maw={720} className="wrap-anywhere">
            {t('fieldWork.overview.countsNote')}
          </Text>
        </Stack>
        <CategoryTrendSection range={range} />
        <LocalityMapSection range={range} />
      </Stack>
    </>
  );
}
