import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { CrimeClass } from './use-crime-classes';

interface CrimeClassTableProps {
  /** Count per top-level class code. */
  counts: ReadonlyMap<number, number>;
  classes: readonly CrimeClass[];
  total: number;
  caption: string;
}

/** Offences by the police's top-level class, largest first, with the total (an offence counts once). */
export function CrimeClassTable({ counts, classes, total, caption }: CrimeClassTableProps) {
  const { t, i18n } = useTranslation();
  const rows = classes.map((crimeClass) => ({ ...crimeClass, count: counts.get(crimeClass.code) ?? 0 })).filter((row) => row.count > 0).sort((a, b) => b.count - a.count);
  return (
    <Table striped verticalSpacing="xs" maw={560}>
      <Table.Caption className="visually-hidden">{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('crime.column.class')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('crime.column.count')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.code}>
            <Table.Th scope="row" fw={400} className="wrap-words">
              {row.name}
            </Table.Th>
            <Table.Td ta="right">{formatNumber(row.count, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">{t('crime.totalOffences')}</Table.Th>
          <Table.Td ta="right" fw={700}>
            {formatNumber(total, i18n.language)}
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
