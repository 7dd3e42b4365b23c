import { Alert, Badge, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { LocalityImportResult } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { TableScroller } from '../../components/TableScroller';

const SHOWN_ROWS = 200;

function Total({ label, value, tone }: { label: string; value: number; tone?: 'red' }) {
  const { i18n } = useTranslation();
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="h3" fw={700} c={tone === 'red' && value > 0 ? 'red.9' : undefined}>
        {formatNumber(value, i18n.language)}
      </Text>
    </div>
  );
}

/** An import's outcome: localities count repaired boundaries, places (lines are never repaired) do not. */
export type ImportOutcome = Omit<LocalityImportResult, 'repaired'> & { repaired?: number };

/** What an import would do (or did): totals, the invalid features and why, and each feature's fate. */
export function ImportPreview({ result }: { result: ImportOutcome }) {
  const { t } = useTranslation();
  const features = result.features.slice(0, SHOWN_ROWS);
  return (
    <Stack gap="lg">
      <SimpleGrid component="dl" cols={{ base: 2, sm: result.repaired === undefined ? 4 : 5 }} spacing="md" m={0}>
        <Total label={t('import.totals.total')} value={result.total} />
        <Total label={t('import.totals.created')} value={result.created} />
        <Total label={t('import.totals.updated')} value={result.updated} />
        {result.repaired !== undefined && <Total label={t('import.totals.repaired')} value={result.repaired} />}
        <Total label={t('import.totals.invalid')} value={result.invalid.length} tone="red" />
      </SimpleGrid>
      {result.invalid.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h4">
            {t('import.invalidTitle')}
          </Title>
          <Table striped verticalSpacing="xs">
            <Table.Caption className="visually-hidden">{t('import.invalidTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={110}>
                  {t('import.column.feature')}
                </Table.Th>
                <Table.Th scope="col">{t('import.column.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.invalid.map((issue) => (
                <Table.Tr key={issue.index}>
                  <Table.Td>{issue.index + 1}</Table.Td>
                  <Table.Td className="wrap-words">{issue.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {features.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h4">
            {t(result.dryRun ? 'import.featuresTitle' : 'import.writtenTitle')}
          </Title>
          <TableScroller label={t(result.dryRun ? 'import.featuresTitle' : 'import.writtenTitle')} minWidth={480}>
            <Table striped verticalSpacing="xs">
              <Table.Caption className="visually-hidden">{t(result.dryRun ? 'import.featuresTitle' : 'import.writtenTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={110}>
                    {t('import.column.feature')}
                  </Table.Th>
                  <Table.Th scope="col">{t('import.column.name')}</Table.Th>
                  <Table.Th scope="col">{t('import.column.code')}</Table.Th>
                  <Table.Th scope="col">{t('import.column.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {features.map((feature) => (
                  <Table.Tr key={feature.index}>
                    <Table.Td>{feature.index + 1}</Table.Td>
                    <Table.Td className="wrap-words">{feature.name}</Table.Td>
                    <Table.Td className="wrap-words">{feature.code ?? '–'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={feature.action === 'create' ? 'green' : 'blue'}>
                        {t(`import.action.${feature.action}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroller>
          {result.features.length > SHOWN_ROWS && (
            <Alert color="gray" variant="light">
              {t('import.moreFeatures', { count: result.features.length - SHOWN_ROWS })}
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}
