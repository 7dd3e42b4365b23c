import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Indicator, Locality } from '@saferhood/contracts';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { hasPermission, useMe } from '../auth/index';
import { indicatorCsvUrl, indicatorValuesQueryKey, indicatorXlsxUrl, listIndicatorValues } from './api';
import { IndicatorChart } from './IndicatorChart';
import { isDwarfing, type ValueSeries } from './indicator-chart-option';
import { IndicatorSeriesTable } from './IndicatorSeriesTable';
import { IndicatorValueForm } from './IndicatorValueForm';
import { IndicatorValueImportForm } from './IndicatorValueImportForm';

const DOWNLOAD_STYLE = { display: 'inline-flex', alignItems: 'center', gap: 4 } as const;

interface IndicatorValuesPanelProps {
  indicator: Indicator;
  indicators: readonly Indicator[];
  localities: readonly Locality[];
}

/** One indicator: its values for the whole city and for each locality, as a chart and a table. */
export function IndicatorValuesPanel({ indicator, indicators, localities }: IndicatorValuesPanelProps) {
  const { t } = useTranslation();
  const me = useMe();
  const values = useQuery({ queryKey: indicatorValuesQueryKey(indicator.id), queryFn: () => listIndicatorValues(indicator.id) });
  const series = useMemo<ValueSeries[]>(() => {
    const all = values.data ?? [];
    const city = { id: 'city', name: t('indicators.wholeCity'), values: all.filter((value) => value.localityId === null) };
    const perLocality = localities.map((locality) => ({ id: locality.id, name: locality.name, values: all.filter((value) => value.localityId === locality.id) }));
    return [city, ...perLocality].filter((line) => line.values.length > 0);
  }, [values.data, localities, t]);
  // The whole city's figure is usually far above any locality's; its line starts switched off.
  const hiddenIds = useMemo(() => {
    const city = series.find((line) => line.id === 'city');
    return city && isDwarfing(city, series.filter((line) => line !== city)) ? ['city'] : [];
  }, [series]);
  const placeOptions = [{ value: '', label: t('indicators.wholeCity') }, ...localities.filter((locality) => locality.status === 'active').map((locality) => ({ value: locality.id, label: locality.name }))];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Title order={2} fz="h3" className="wrap-anywhere">
            {indicator.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('indicators.unitIs', { unit: indicator.unit })}
          </Text>
          {indicator.description && (
            <Text size="sm" mt={4} className="wrap-anywhere">
              {indicator.description}
            </Text>
          )}
        </div>
        <Group gap="md">
          <Anchor href={indicatorCsvUrl(indicator.id)} download size="sm" style={DOWNLOAD_STYLE}>
            <IconDownload size={16} aria-hidden="true" />
            {t('indicators.exportCsv')}
          </Anchor>
          <Anchor href={indicatorXlsxUrl(indicator.id)} download size="sm" style={DOWNLOAD_STYLE}>
            <IconDownload size={16} aria-hidden="true" />
            {t('indicators.exportXlsx')}
          </Anchor>
        </Group>
      </Group>
      {values.isPending && <ListSkeleton rows={3} />}
      {values.isError && <ErrorAlert error={values.error} title={t('common.loadFailed')} onRetry={() => void values.refetch()} />}
      {values.isSuccess && series.length === 0 && <EmptyListNotice>{t('indicators.noValues')}</EmptyListNotice>}
      {series.length > 0 && (
        <>
          <IndicatorChart series={series} hiddenIds={hiddenIds} label={t('indicators.chartOfIndicator', { name: indicator.name })} />
          <IndicatorSeriesTable series={series} caption={t('indicators.tableOfIndicator', { name: indicator.name })} rowHeader={t('indicators.column.place')} />
        </>
      )}
      {hasPermission(me, 'indicator:record') && (
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="h4" mb="sm">
            {t('indicators.recordTitle')}
          </Title>
          <IndicatorValueForm key={indicator.id} indicators={indicators} initialIndicatorId={indicator.id} place={{ options: placeOptions }} />
          <Title order={3} fz="h4" mt="xl" mb="sm">
            {t('indicatorImport.title')}
          </Title>
          <IndicatorValueImportForm key={`import-${indicator.id}`} indicator={indicator} />
        </Paper>
      )}
    </Stack>
  );
}
