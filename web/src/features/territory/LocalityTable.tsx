import { Anchor, Box, Group, Table, Text } from '@mantine/core';
import type { Locality, LocalityKind } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../lib/format';
import { LocalityStatusBadge } from './LocalityStatusBadge';
import { LocalityStatusButton } from './LocalityStatusButton';
import { useKindLabel } from './use-localities';

interface LocalityListProps {
  localities: readonly Locality[];
  kinds: readonly LocalityKind[];
  canUpdate: boolean;
}

export function KindSwatch({ color }: { color: string }) {
  return <Box w={12} h={12} style={{ flexShrink: 0, background: color, borderRadius: 2 }} aria-hidden="true" />;
}

export function LocalityTable({ localities, kinds, canUpdate }: LocalityListProps) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel(kinds);
  const colorOf = (code: string) => kinds.find((kind) => kind.code === code)?.color ?? '#868e96';
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{t('localities.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('localities.column.name')}</Table.Th>
            <Table.Th scope="col">{t('localities.column.kind')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('localities.column.area')}
            </Table.Th>
            <Table.Th scope="col">{t('localities.column.status')}</Table.Th>
            {canUpdate && <Table.Th scope="col">{t('localities.column.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {localities.map((locality) => (
            <Table.Tr key={locality.id}>
              <Table.Td>
                <Anchor component={Link} to={`/localities/${locality.id}`} fw={600} size="sm" className="wrap-words">
                  {locality.name}
                </Anchor>
                {locality.externalCode && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {locality.externalCode}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <KindSwatch color={colorOf(locality.kind)} />
                  <Text size="sm" className="wrap-words">
                    {kindLabel(locality.kind)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(locality.areaKm2, i18n.language, 2)}
              </Table.Td>
              <Table.Td>
                <LocalityStatusBadge status={locality.status} />
              </Table.Td>
              {canUpdate && (
                <Table.Td>
                  <LocalityStatusButton locality={locality} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
