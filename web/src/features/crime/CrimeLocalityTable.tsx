import { Anchor, Table } from '@mantine/core';
import type { Locality } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../lib/format';
import type { LocalityCrimeRow } from './use-crime-by-locality';
import type { CrimeClass } from './use-crime-classes';
import { TableScroller } from '../../components/TableScroller';

interface CrimeLocalityTableProps {
  rows: { city: LocalityCrimeRow; localities: LocalityCrimeRow[]; outside: LocalityCrimeRow };
  localities: readonly Locality[];
  classes: readonly CrimeClass[];
  caption: string;
}

/** Localities × classes of offences, with the offences outside every locality and the city's total. */
export function CrimeLocalityTable({ rows, localities, classes, caption }: CrimeLocalityTableProps) {
  const { t, i18n } = useTranslation();
  const shown = classes.filter((crimeClass) => (rows.city.byClass.get(crimeClass.code) ?? 0) > 0);
  const nameOf = (id: string | null) => localities.find((locality) => locality.id === id)?.name ?? '';
  const cells = (row: LocalityCrimeRow) => (
    <>
      {shown.map((crimeClass) => (
        <Table.Td key={crimeClass.code} ta="right">
          {formatNumber(row.byClass.get(crimeClass.code) ?? 0, i18n.language)}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={700}>
        {formatNumber(row.total, i18n.language)}
      </Table.Td>
    </>
  );
  return (
    <TableScroller label={caption} minWidth={Math.max(520, 240 + (shown.length + 1) * 120)}>
      <Table striped verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('crime.column.locality')}</Table.Th>
            {shown.map((crimeClass) => (
              <Table.Th key={crimeClass.code} scope="col" ta="right" className="wrap-words">
                {crimeClass.name}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('crime.allOffences')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.localities.map((row) => (
            <Table.Tr key={row.localityId}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/localities/${row.localityId}`} size="sm" className="wrap-words">
                  {nameOf(row.localityId)}
                </Anchor>
              </Table.Th>
              {cells(row)}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" fw={400} fs="italic">
              {t('crime.outsideLocalities')}
            </Table.Th>
            {cells(rows.outside)}
          </Table.Tr>
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('crime.wholeCity')}</Table.Th>
            {cells(rows.city)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroller>
  );
}
