import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { CRIME_QUERY_KEY, summariseCrime } from './api';
import { CrimeClassTable } from './CrimeClassTable';
import { formatMonth, periodOfMonth } from './crime-period';
import { MonthSelect } from './MonthSelect';
import { useCrimeClasses } from './use-crime-classes';
import { useCrimeMonth } from './use-crime-month';

/** Offences the police registered inside one locality in a month, by class. */
export function LocalityCrimeSection({ localityId, localityName }: { localityId: string; localityName: string }) {
  const { t, i18n } = useTranslation();
  const crimeMonth = useCrimeMonth();
  const { month } = crimeMonth;
  const { classes, query: types } = useCrimeClasses();
  const summary = useQuery({
    queryKey: [...CRIME_QUERY_KEY, 'summary', 'class', localityId, month],
    queryFn: () => summariseCrime({ ...periodOfMonth(month!), groupBy: 'class', localityId }),
    enabled: month !== null,
  });
  const failed = summary.isError ? summary : types.isError ? types : null;
  const counts = new Map((summary.data?.rows ?? []).map((row) => [row.class ?? 0, row.count]));

  return (
    <Stack component="section" gap="md" aria-labelledby="locality-crime">
      <Title order={2} fz="h3" id="locality-crime">
        {t('crime.inLocality')}
      </Title>
      <Text size="sm" c="dimmed" maw={720} className="wrap-anywhere">
        {t('crime.sourceNote')}
      </Text>
      <MonthSelect crimeMonth={crimeMonth} />
      {failed && <ErrorAlert error={failed.error} title={t('common.loadFailed')} onRetry={() => void failed.refetch()} />}
      {(summary.isPending || types.isPending) && !failed && <ListSkeleton rows={3} />}
      {summary.data && types.data && month && summary.data.total === 0 && (
        <EmptyListNotice>{t('crime.noneInLocality', { month: formatMonth(month, i18n.language) })}</EmptyListNotice>
      )}
      {summary.data && types.data && month && summary.data.total > 0 && (
        <CrimeClassTable counts={counts} classes={classes} total={summary.data.total} caption={t('crime.byClassIn', { place: localityName, month: formatMonth(month, i18n.language) })} />
      )}
    </Stack>
  );
}
