import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LocalityStatusBadge } from './LocalityStatusBadge';
import { PlaceKindSymbol } from './PlaceKindSymbol';
import { PlaceStatusButton } from './PlaceStatusButton';
import { PlaceEditLink, PlaceLocality, type PlaceListProps } from './PlaceTable';

/** The places of duty on a phone: one card each instead of a table. */
export function PlaceCardList({ places, localities, canUpdate }: PlaceListProps) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('places.title')}>
      {places.map((place) => (
        <Paper component="li" key={place.id} withBorder radius="md" p="md" className="wrap-anywhere">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600} style={{ minWidth: 0 }}>
                {place.name}
              </Text>
              <LocalityStatusBadge status={place.status} of="places" />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <PlaceKindSymbol kind={place.kind} />
              <Text size="sm">
                {t(`places.kinds.${place.kind}`)} · {t(place.geometry.type === 'Point' ? 'placeGeometry.shapePoint' : 'placeGeometry.shapeLine')}
              </Text>
            </Group>
            <PlaceLocality place={place} localities={localities} />
            {canUpdate && (
              <Group gap="xs">
                <PlaceEditLink place={place} />
                <PlaceStatusButton place={place} />
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
