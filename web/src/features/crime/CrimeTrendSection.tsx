import { Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyChartView } from '../../components/charts/LazyChartView';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { formatNumber } from '../../lib/format';
import { CRIME_QUERY_KEY, summariseCrime } from './api';
import { formatMonth, formatMonthShort, listMonths, periodOfMonthsEndingAt, shiftMonth } from './crime-period';
import { buildCrimeTrendOption, type TrendLine } from './crime-trend-option';
import type { CrimeClass } from './use-crime-classes';
import { TableScroller } from '../../components/TableScroller';

const TREND_MONTHS = 12;

/** The twelve months up to the chosen one: all offences and each class, as a chart and a table. */
export function CrimeTrendSection({ month, classes }: { month: string; classes: readonly CrimeClass[] }) {
  const { t, i18n } = useTranslation();
  const period = periodOfMonthsEndingAt(month, TREND_MONTHS);
  const months = useMemo(() => listMonths(shiftMonth(month, -(TREND_MONTHS - 1)), month), [month]);
  const totals = useQuery({ queryKey: [...CRIME_QUERY_KEY, 'summary', 'month', period.from, period.to], queryFn: () => summariseCrime({ ...period, groupBy: 'month' }) });
  const byClass = useQuery({ queryKey: [...CRIME_QUERY_KEY, 'summary', 'month,class', period.from, period.to], queryFn: () => summariseCrime({ ...period, groupBy: 'month,class' }) });
  const failed = totals.isError ? totals : byClass.isError ? byClass : null;

  const lines = useMemo<TrendLine[]>(() => {
    if (!totals.data || !byClass.data) return [];
    const countOf = (rows: typeof totals.data.rows, wanted: string, code?: number) =>
      rows.filter((row) => row.month === wanted && (code === undefined || row.class === code)).reduce((sum, row) => sum + row.count, 0);
    const all = { name: t('crime.allOffences'), counts: months.map((wanted) => countOf(totals.data.rows, wanted)) };
    const perClass = classes
      .map((crimeClass) => ({ name: crimeClass.name, counts: months.map((wanted) => countOf(byClass.data.rows, wanted, crimeClass.code)) }))
      .filter((line) => line.counts.some((count) => count > 0));
    return [all, ...perClass];
  }, [totals.data, byClass.data, classes, months, t]);
  const option = useMemo(
    () => buildCrimeTrendOption(months.map((wanted) => formatMonthShort(wanted, i18n.language)), lines, i18n.language),
    [months, lines, i18n.language],
  );

  return (
    <Stack component="section" gap="md" aria-labelledby="crime-trend">
      <Title order={2} fz="h3" id="crime-trend">
        {t('crime.trend')}
      </Title>
      {failed && <ErrorAlert error={failed.error} title={t('common.loadFailed')} onRetry={() => void failed.refetch()} />}
      {!failed && lines.length === 0 && <ListSkeleton rows={3} />}
      {lines.length > 0 && (
        <>
          <LazyChartView option={option} label={t('crime.trendLabel', { from: formatMonth(months[0]!, i18n.language), to: formatMonth(month, i18n.language) })} height={320} />
          <TableScroller label={t('crime.trend')} minWidth={Math.max(480, 200 + lines.length * 120)}>
            <Table striped verticalSpacing={4}>
              <Table.Caption className="visually-hidden">{t('crime.trend')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('crime.month')}</Table.Th>
                  {lines.map((line) => (
                    <Table.Th key={line.name} scope="col" ta="right" className="wrap-words">
                      {line.name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {months.map((wanted, index) => (
                  <Table.Tr key={wanted}>
                    <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                      {formatMonth(wanted, i18n.language)}
                    </Table.Th>
                    {lines.map((line) => (
                      <Table.Td key={line.name} ta="right">
                        {formatNumber(line.counts[index] ?? 0, i18n.language)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroller>
        </>
      )}
    </Stack>
  );
}
