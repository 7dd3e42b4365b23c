import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { ValueSeries } from './indicator-chart-option';
import { TableScroller } from '../../components/TableScroller';

interface IndicatorSeriesTableProps {
  series: readonly ValueSeries[];
  caption: string;
  /** What a row is: an indicator, or a place. */
  rowHeader: string;
}

/** The numbers behind the chart: one row per series, one column per date, oldest first. */
export function IndicatorSeriesTable({ series, caption, rowHeader }: IndicatorSeriesTableProps) {
  const { t, i18n } = useTranslation();
  const dates = [...new Set(series.flatMap(({ values }) => values.map((value) => value.date)))].sort();
  return (
    <TableScroller label={caption} minWidth={180 + dates.length * 96}>
      <Table striped verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHeader}</Table.Th>
            {dates.map((date) => (
              <Table.Th key={date} scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(date, i18n.language)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {series.map(({ id, name, values }) => (
            <Table.Tr key={id}>
              <Table.Th scope="row" fw={500} className="wrap-words">
                {name}
              </Table.Th>
              {dates.map((date) => {
                const value = values.find((candidate) => candidate.date === date);
                return (
                  <Table.Td key={date} ta="right" title={value?.source ?? undefined}>
                    {value ? (
                      formatNumber(value.value, i18n.language)
                    ) : (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t('indicators.noValue')}</span>
                      </>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
