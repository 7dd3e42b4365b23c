import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ActivityStatement } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { EmptyListNotice } from '../../../components/EmptyListNotice';
import { TableScroller } from '../../../components/TableScroller';
import { formatNumber } from '../../../lib/format';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md" className="wrap-anywhere">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </Paper>
  );
}

function CountTable({ id, title, caption, head, rows }: { id: string; title: string; caption: string; head: [string, string]; rows: { key: string; name: string; count: number }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="section" gap="xs" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <EmptyListNotice>{t('fieldWork.statement.noRecords')}</EmptyListNotice>
      ) : (
        <TableScroller label={caption} minWidth={300}>
          <Table striped verticalSpacing={4}>
            <Table.Caption className="visually-hidden">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{head[0]}</Table.Th>
                <Table.Th scope="col" ta="right">{head[1]}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={400} className="wrap-words">{row.name}</Table.Th>
                  <Table.Td ta="right">{formatNumber(row.count, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
    </Stack>
  );
}

/** The statement's numbers as the files have them: totals, then by category, by locality and per assistant. */
export function StatementTables({ statement, period }: { statement: ActivityStatement; period: string }) {
  const { t, i18n } = useTranslation();
  const number = (value: number, digits = 0) => formatNumber(value, i18n.language, digits);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('fieldWork.statement.shifts')} value={number(statement.shifts.count)} />
        <Figure label={t('fieldWork.statement.plannedHours')} value={number(statement.shifts.plannedHours, 1)} />
        <Figure label={t('fieldWork.statement.workedHours')} value={number(statement.shifts.workedHours, 1)} />
        <Figure label={t('fieldWork.statement.records')} value={number(statement.records)} />
        <Figure label={t('fieldWork.statement.approved')} value={number(statement.approved)} />
        <Figure label={t('fieldWork.statement.urgent')} value={number(statement.urgent)} />
        <Figure label={t('fieldWork.statement.referrals')} value={number(statement.referrals)} />
        <Figure label={t('fieldWork.statement.signals')} value={number(statement.signals)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <CountTable
          id="statement-by-category"
          title={t('fieldWork.statement.byCategory')}
          caption={t('fieldWork.statement.byCategoryIn', { period })}
          head={[t('fieldWork.record.category'), t('fieldWork.statement.records')]}
          rows={statement.byCategory.map((row) => ({ key: row.code, name: row.label, count: row.count }))}
        />
        <CountTable
          id="statement-by-locality"
          title={t('fieldWork.statement.byLocality')}
          caption={t('fieldWork.statement.byLocalityIn', { period })}
          head={[t('fieldWork.record.locality'), t('fieldWork.statement.records')]}
          rows={statement.byLocality.map((row) => ({ key: row.localityId ?? 'outside', name: row.localityId ? row.name : t('fieldWork.record.outsideLocalities'), count: row.count }))}
        />
      </SimpleGrid>
      {statement.assistant === null && statement.assistants.length > 0 && (
        <Stack component="section" gap="xs" aria-labelledby="statement-assistants">
          <Title order={2} fz="h4" id="statement-assistants">
            {t('fieldWork.statement.perAssistant')}
          </Title>
          <TableScroller label={t('fieldWork.statement.perAssistantIn', { period })} minWidth={480}>
            <Table striped verticalSpacing={4}>
              <Table.Caption className="visually-hidden">{t('fieldWork.statement.perAssistantIn', { period })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('fieldWork.statement.assistant')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('fieldWork.statement.shifts')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('fieldWork.statement.workedHours')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('fieldWork.statement.records')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {statement.assistants.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Th scope="row" fw={400} className="wrap-words">{row.name}</Table.Th>
                    <Table.Td ta="right">{number(row.shifts)}</Table.Td>
                    <Table.Td ta="right">{number(row.workedHours, 1)}</Table.Td>
                    <Table.Td ta="right">{number(row.records)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroller>
        </Stack>
      )}
    </Stack>
  );
}
