import { Anchor, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { Locality, LocalityKind } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../lib/format';
import { useKindLabel } from './use-localities';

/** The localities on the map as links: the way to each one by keyboard, screen reader or on a phone. */
export function LocalityLinkList({ localities, kinds }: { localities: readonly Locality[]; kinds: readonly LocalityKind[] }) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel(kinds);
  const headingId = useId();
  const colorOf = (code: string) => kinds.find((kind) => kind.code === code)?.color ?? '#868e96';
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <Title order={2} fz="h4" id={headingId} mb="sm">
        {t('localities.title')}
      </Title>
      {localities.length === 0 ? (
        <Text size="sm">{t('localities.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {localities.map((locality) => (
            <Group component="li" key={locality.id} gap="xs" wrap="nowrap" align="flex-start">
              <Box mt={5} w={12} h={12} style={{ flexShrink: 0, background: colorOf(locality.kind), borderRadius: 2 }} aria-hidden="true" />
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/localities/${locality.id}`} fw={600} size="sm" className="wrap-anywhere">
                  {locality.name}
                </Anchor>
                <Text size="xs" c="dimmed" className="wrap-anywhere">
                  {kindLabel(locality.kind)} · {t('localities.areaValue', { area: formatNumber(locality.areaKm2, i18n.language, 2) })}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
