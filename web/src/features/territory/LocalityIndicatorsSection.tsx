import { Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { hasPermission, useMe } from '../auth/index';
import {
  IndicatorChart,
  IndicatorSeriesTable,
  IndicatorValueForm,
  INDICATORS_QUERY_KEY,
  listIndicators,
  listLocalitySeries,
  localitySeriesQueryKey,
  type ValueSeries,
} from '../indicators/index';

/** The locality's indicators over the years: a chart, the same numbers as a table, and a way to add one. */
export function LocalityIndicatorsSection({ localityId, localityName, isActive }: { localityId: string; localityName: string; isActive: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const canRecord = hasPermission(me, 'indicator:record') && isActive;
  const seriesQuery = useQuery({ queryKey: localitySeriesQueryKey(localityId), queryFn: () => listLocalitySeries(localityId) });
  const indicators = useQuery({ queryKey: INDICATORS_QUERY_KEY, queryFn: listIndicators, enabled: canRecord });
  const series = useMemo<ValueSeries[]>(
    () => (seriesQuery.data ?? []).map(({ indicator, values }) => ({ id: indicator.id, name: `${indicator.name} (${indicator.unit})`, values })),
    [seriesQuery.data],
  );

  return (
    <Stack component="section" gap="md" aria-labelledby="locality-indicators">
      <Title order={2} fz="h3" id="locality-indicators">
        {t('indicators.ofLocality')}
      </Title>
      {seriesQuery.isPending && <ListSkeleton rows={3} />}
      {seriesQuery.isError && <ErrorAlert error={seriesQuery.error} title={t('common.loadFailed')} onRetry={() => void seriesQuery.refetch()} />}
      {seriesQuery.isSuccess && series.length === 0 && <EmptyListNotice>{t('indicators.noValuesInLocality')}</EmptyListNotice>}
      {series.length > 0 && (
        <>
          <IndicatorChart series={series} label={t('indicators.chartLabel', { place: localityName })} />
          <IndicatorSeriesTable series={series} caption={t('indicators.tableLabel', { place: localityName })} rowHeader={t('indicators.column.indicator')} />
        </>
      )}
      {canRecord && (
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="h4" mb="sm">
            {t('indicators.recordTitle')}
          </Title>
          {indicators.isError && <ErrorAlert error={indicators.error} title={t('common.loadFailed')} onRetry={() => void indicators.refetch()} />}
          {indicators.data && indicators.data.length === 0 && <EmptyListNotice>{t('indicators.empty')}</EmptyListNotice>}
          {indicators.data && indicators.data.length > 0 && <IndicatorValueForm indicators={indicators.data} place={{ localityId }} />}
        </Paper>
      )}
    </Stack>
  );
}
