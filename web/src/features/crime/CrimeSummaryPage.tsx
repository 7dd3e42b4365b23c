import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../lib/format';
import { useMe } from '../auth/index';
import { useLocalities } from '../territory/index';
import { CrimeClassTable } from './CrimeClassTable';
import { CrimeLocalityTable } from './CrimeLocalityTable';
import { formatMonth, periodOfMonth } from './crime-period';
import { CrimeTrendSection } from './CrimeTrendSection';
import { CrimeTypeSection } from './CrimeTypeSection';
import { MonthSelect } from './MonthSelect';
import { useCrimeByLocality } from './use-crime-by-locality';
import { useCrimeClasses } from './use-crime-classes';
import { useCrimeMonth } from './use-crime-month';

/** Offences the police registered in the city: by class and by type, month by month, and per locality. */
export function CrimeSummaryPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const crimeMonth = useCrimeMonth();
  const { month } = crimeMonth;
  const { classes, nameOf, query: types } = useCrimeClasses();
  const localities = useLocalities('active');
  const period = month ? periodOfMonth(month) : null;
  const byLocality = useCrimeByLocality(localities.data?.items ?? [], localities.isSuccess ? period : null);
  const failed = [types, localities].find((query) => query.isError) ?? byLocality.failed;
  const rows = byLocality.rows;
  const monthName = month ? formatMonth(month, i18n.language) : '';

  return (
    <>
      <PageHeader title={t('crime.title')} description={t('crime.description', { city: me.tenant.name })} />
      <Stack gap="xl">
        <Stack gap="xs">
          <MonthSelect crimeMonth={crimeMonth} />
          <Text size="sm" c="dimmed" maw={720} className="wrap-anywhere">
            {t('crime.sourceNote')}
          </Text>
        </Stack>
        {failed && <ErrorAlert error={failed.error} title={t('common.loadFailed')} onRetry={() => void failed.refetch()} />}
        {!failed && (!rows || !types.data) && <ListSkeleton rows={4} />}
        {rows && types.data && month && (
          <>
            <Stack component="section" gap="md" aria-labelledby="crime-by-class">
              <Group justify="space-between" align="baseline" gap="xs">
                <Title order={2} fz="h3" id="crime-by-class">
                  {t('crime.byClass')}
                </Title>
                <Text fw={600}>{t('crime.totalIn', { month: monthName, formatted: formatNumber(rows.city.total, i18n.language) })}</Text>
              </Group>
              {rows.city.total === 0 ? (
                <EmptyListNotice>{t('crime.noneInCity', { month: monthName })}</EmptyListNotice>
              ) : (
                <CrimeClassTable counts={rows.city.byClass} classes={classes} total={rows.city.total} caption={t('crime.byClassIn', { place: me.tenant.name, month: monthName })} />
              )}
            </Stack>
            {rows.city.total > 0 && period && <CrimeTypeSection period={period} monthName={monthName} types={types.data} nameOfClass={nameOf} />}
            <CrimeTrendSection month={month} classes={classes} />
            {rows.city.total > 0 && (
              <Stack component="section" gap="md" aria-labelledby="crime-by-locality">
                <Title order={2} fz="h3" id="crime-by-locality">
                  {t('crime.byLocality')}
                </Title>
                <CrimeLocalityTable rows={rows} localities={localities.data?.items ?? []} classes={classes} caption={t('crime.byLocalityIn', { month: monthName })} />
              </Stack>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
