import { Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildLineChartOption } from '../../../components/charts/line-chart-option';
import { LazyChartView } from '../../../components/charts/LazyChartView';
import { EmptyListNotice } from '../../../components/EmptyListNotice';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { TableScroller } from '../../../components/TableScroller';
import { formatNumber } from '../../../lib/format';
import { FIELD_WORK_QUERY_KEY, summariseRecords } from '../api';
import { formatMonth, formatMonthShort, listMonths, periodOfMonths } from '../field-time';
import { useCategories } from '../use-field-lookups';
import type { MonthRange } from './MonthRangeSelect';

/** The lines shown at first; the rest are in the legend, switched off, so the chart stays readable. */
const SHOWN_LINES = 5;

/** Records per category month by month: a chart and the same numbers as a table. */
export function CategoryTrendSection({ range }: { range: MonthRange }) {
  const { t, i18n } = useTranslation();
  const { categoryOf } = useCategories();
  const period = periodOfMonths(range.first, range.last);
  const months = useMemo(() => listMonths(range.first, range.last), [range.first, range.last]);
  const summary = useQuery({ queryKey: [...FIELD_WORK_QUERY_KEY, 'summary', 'category,month', period.from, period.to], queryFn: () => summariseRecords({ ...period, groupBy: 'category,month' }) });

  const rows = useMemo(() => {
    const counts = new Map<string, number[]>();
    for (const row of summary.data?.rows ?? []) {
      if (!row.category || !row.month) continue;
      const line = counts.get(row.category) ?? months.map(() => 0);
      const index = months.indexOf(row.month.slice(0, 7));
      if (index >= 0) line[index] = (line[index] ?? 0) + row.count;
      counts.set(row.category, line);
    }
    return [...counts.entries()]
      .map(([code, perMonth]) => ({ code, label: categoryOf(code).label, perMonth, total: perMonth.reduce((sum, count) => sum + count, 0) }))
      .sort((a, b) => b.total - a.total);
  }, [summary.data, months, categoryOf]);
  const option = useMemo(
    () =>
      buildLineChartOption({
        series: rows.map((row) => ({ name: row.label, points: row.perMonth.map((count, index) => [formatMonthShort(months[index]!, i18n.language), count]) })),
        xAxis: { type: 'category', categories: months.map((month) => formatMonthShort(month, i18n.language)) },
        formatValue: (value) => formatNumber(value, i18n.language, 0),
        hiddenSeries: rows.slice(SHOWN_LINES).map((row) => row.label),
      }),
    [rows, months, i18n.language],
  );
  const caption = t('fieldWork.overview.byCategoryIn', { from: formatMonth(range.first, i18n.language), to: formatMonth(range.last, i18n.language) });

  return (
    <Stack component="section" gap="md" aria-labelledby="overview-by-category">
      <Title order={2} fz="h3" id="overview-by-category">
        {t('fieldWork.overview.byCategory')}
      </Title>
      {summary.isPending && <ListSkeleton rows={3} />}
      {summary.isError && <ErrorAlert error={summary.error} title={t('common.loadFailed')} onRetry={() => void summary.refetch()} />}
      {summary.isSuccess && rows.length === 0 && <EmptyListNotice>{t('fieldWork.overview.none')}</EmptyListNotice>}
      {rows.length > 0 && (
        <>
          <LazyChartView option={option} label={caption} height={340} />
          <TableScroller label={caption} minWidth={Math.max(480, 260 + months.length * 90)}>
            <Table striped verticalSpacing={4}>
              <Table.Caption className="visually-hidden">{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('fieldWork.record.category')}</Table.Th>
                  {months.map((month) => (
                    <Table.Th key={month} scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMonthShort(month, i18n.language)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" ta="right">
                    {t('fieldWork.overview.total')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.code}>
                    <Table.Th scope="row" fw={400} className="wrap-words">
                      {row.label}
                    </Table.Th>
                    {row.perMonth.map((count, index) => (
                      <Table.Td key={months[index]} ta="right">
                        {formatNumber(count, i18n.language)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={700}>
                      {formatNumber(row.total, i18n.language)}
                    </Table.Td>
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
