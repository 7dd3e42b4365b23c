import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { LocalityDetail, LocalityKind, Place } from '@saferhood/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { KindSwatch } from './LocalityTable';
import { LocalityStatusBadge } from './LocalityStatusBadge';
import { PlaceKindSymbol } from './PlaceKindSymbol';
import { useKindLabel } from './use-localities';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} className="wrap-anywhere">
        {children}
      </Text>
    </div>
  );
}

/** What a locality is: kind, area, status, code, description, and the places of duty inside it. */
export function LocalityDetails({ locality, kinds, places }: { locality: LocalityDetail; kinds: readonly LocalityKind[]; places: readonly Place[] }) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel(kinds);
  const color = kinds.find((kind) => kind.code === locality.kind)?.color ?? '#868e96';
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack component="dl" gap="sm" m={0}>
          <Fact term={t('localities.column.kind')}>
            <Group component="span" gap="xs" wrap="nowrap">
              <KindSwatch color={color} />
              {kindLabel(locality.kind)}
            </Group>
          </Fact>
          <Fact term={t('localities.column.area')}>{formatNumber(locality.areaKm2, i18n.language, 3)}</Fact>
          <Fact term={t('localities.column.status')}>
            <LocalityStatusBadge status={locality.status} />
          </Fact>
          {locality.externalCode && <Fact term={t('localities.externalCode')}>{locality.externalCode}</Fact>}
          <Fact term={t('localities.descriptionLabel')}>{locality.description ?? t('localities.noDescription')}</Fact>
        </Stack>
      </Paper>
      <Paper component="section" withBorder radius="md" p="md" aria-labelledby="locality-places">
        <Title order={2} fz="h4" id="locality-places" mb="sm">
          {t('places.title')}
        </Title>
        {places.length === 0 ? (
          <Text size="sm">{t('places.emptyInLocality')}</Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {places.map((place) => (
              <Group component="li" key={place.id} gap="xs" wrap="nowrap" align="flex-start">
                <PlaceKindSymbol kind={place.kind} />
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} className="wrap-anywhere">
                    {place.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`places.kinds.${place.kind}`)}
                  </Text>
                </div>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
