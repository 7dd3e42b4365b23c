import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { TableScroller } from '../../components/TableScroller';
import { formatNumber } from '../../lib/format';
import { CRIME_QUERY_KEY, summariseCrime } from './api';
import type { Period } from './crime-period';
import { crimeTypeRows, type CrimeTypeInfo } from './crime-type-rows';

const SHOWN_FIRST = 10;

interface CrimeTypeSectionProps {
  period: Period;
  monthName: string;
  /** The police code list (every level), which names the types. */
  types: readonly CrimeTypeInfo[];
  nameOfClass: (code: number) => string;
}

/**
 * Offences by the police's own types (sub-types of the classes), largest first. The code list names
 * them in Czech only; they are shown as they are, marked as Czech, rather than translated by guess.
 */
export function CrimeTypeSection({ period, monthName, types, nameOfClass }: CrimeTypeSectionProps) {
  const { t, i18n } = useTranslation();
  const [isShowingAll, setShowingAll] = useState(false);
  const summary = useQuery({
    queryKey: [...CRIME_QUERY_KEY, 'summary', 'type', period.from, period.to],
    queryFn: () => summariseCrime({ ...period, groupBy: 'type' }),
  });
  const rows = summary.data ? crimeTypeRows(summary.data, types) : [];
  const shown = isShowingAll ? rows : rows.slice(0, SHOWN_FIRST);
  const caption = t('crime.byTypeIn', { month: monthName });

  return (
    <Stack component="section" gap="sm" aria-labelledby="crime-by-type">
      <Title order={2} fz="h3" id="crime-by-type">
        {t('crime.byType')}
      </Title>
      <Text size="sm" c="dimmed" maw={720} className="wrap-anywhere">
        {i18n.language === 'cs' ? t('crime.typeCountNote') : `${t('crime.typeNamesNote')} ${t('crime.typeCountNote')}`}
      </Text>
      {summary.isPending && <ListSkeleton rows={4} />}
      {summary.isError && <ErrorAlert error={summary.error} title={t('common.loadFailed')} onRetry={() => void summary.refetch()} />}
      {rows.length > 0 && (
        <TableScroller label={caption} minWidth={480}>
          <Table striped verticalSpacing="xs" maw={820}>
            <Table.Caption className="visually-hidden">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('crime.column.type')}</Table.Th>
                <Table.Th scope="col">{t('crime.column.class')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('crime.column.count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={row.code}>
                  <Table.Th scope="row" fw={400} className="wrap-words">
                    <span lang="cs">{row.name}</span>
                    {row.isAmbiguous && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        ({t('crime.typeCode', { code: row.code })})
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td className="wrap-words">{row.topClass === null ? '–' : nameOfClass(row.topClass)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.count, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
      {rows.length > SHOWN_FIRST && (
        <div>
          <Button variant="default" size="xs" onClick={() => setShowingAll((current) => !current)} aria-expanded={isShowingAll}>
            {isShowingAll ? t('crime.showFewerTypes') : t('crime.showAllTypes', { count: rows.length })}
          </Button>
        </div>
      )}
    </Stack>
  );
}
