import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { Locality, LocalityKind } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../lib/format';
import { LocalityStatusBadge } from './LocalityStatusBadge';
import { LocalityStatusButton } from './LocalityStatusButton';
import { KindSwatch } from './LocalityTable';
import { useKindLabel } from './use-localities';

interface LocalityCardListProps {
  localities: readonly Locality[];
  kinds: readonly LocalityKind[];
  canUpdate: boolean;
}

/** The localities on a phone: one card each instead of a table. */
export function LocalityCardList({ localities, kinds, canUpdate }: LocalityCardListProps) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel(kinds);
  const colorOf = (code: string) => kinds.find((kind) => kind.code === code)?.color ?? '#868e96';
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('localities.title')}>
      {localities.map((locality) => (
        <Paper component="li" key={locality.id} withBorder radius="md" p="md" className="wrap-anywhere">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/localities/${locality.id}`} fw={600} style={{ minWidth: 0 }}>
                {locality.name}
              </Anchor>
              <LocalityStatusBadge status={locality.status} />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <KindSwatch color={colorOf(locality.kind)} />
              <Text size="sm">{kindLabel(locality.kind)}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t('localities.column.area')}: {formatNumber(locality.areaKm2, i18n.language, 2)}
            </Text>
            {canUpdate && (
              <div>
                <LocalityStatusButton locality={locality} />
              </div>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
