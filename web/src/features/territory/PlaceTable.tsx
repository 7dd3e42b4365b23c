import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import type { Locality, Place } from '@saferhood/contracts';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LocalityStatusBadge } from './LocalityStatusBadge';
import { PlaceKindSymbol } from './PlaceKindSymbol';
import { PlaceStatusButton } from './PlaceStatusButton';

export interface PlaceListProps {
  places: readonly Place[];
  /** Every locality (archived too), to name the one a place lies in. */
  localities: readonly Locality[];
  canUpdate: boolean;
}

/** Where a place lies: its locality as a link, or "outside the localities". */
export function PlaceLocality({ place, localities }: { place: Place; localities: readonly Locality[] }) {
  const { t } = useTranslation();
  const locality = localities.find((candidate) => candidate.id === place.localityId);
  if (!locality) return <Text size="sm">{t('places.outsideLocalities')}</Text>;
  return (
    <Anchor component={Link} to={`/localities/${locality.id}`} size="sm" className="wrap-words">
      {locality.name}
    </Anchor>
  );
}

export function PlaceEditLink({ place }: { place: Place }) {
  const { t } = useTranslation();
  return (
    <Button size="xs" variant="default" component={Link} to={`/places/${place.id}`} leftSection={<IconPencil size={14} aria-hidden="true" />} aria-label={t('places.editNamed', { name: place.name })}>
      {t('places.edit')}
    </Button>
  );
}

/** The places of duty on a wide screen. */
export function PlaceTable({ places, localities, canUpdate }: PlaceListProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{t('places.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('places.name')}</Table.Th>
            <Table.Th scope="col">{t('places.kind')}</Table.Th>
            <Table.Th scope="col">{t('places.shape')}</Table.Th>
            <Table.Th scope="col">{t('places.locality')}</Table.Th>
            <Table.Th scope="col">{t('localities.column.status')}</Table.Th>
            {canUpdate && <Table.Th scope="col">{t('localities.column.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {places.map((place) => (
            <Table.Tr key={place.id}>
              <Table.Td>
                <Text fw={600} size="sm" className="wrap-words">
                  {place.name}
                </Text>
                {place.externalCode && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {place.externalCode}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <PlaceKindSymbol kind={place.kind} />
                  <Text size="sm" className="wrap-words">
                    {t(`places.kinds.${place.kind}`)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(place.geometry.type === 'Point' ? 'placeGeometry.shapePoint' : 'placeGeometry.shapeLine')}</Text>
              </Table.Td>
              <Table.Td>
                <PlaceLocality place={place} localities={localities} />
              </Table.Td>
              <Table.Td>
                <LocalityStatusBadge status={place.status} of="places" />
              </Table.Td>
              {canUpdate && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <PlaceEditLink place={place} />
                    <PlaceStatusButton place={place} />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
