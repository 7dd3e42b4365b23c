import { Box, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { LocalityKind } from '@saferhood/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceKind } from '../place-kinds';
import { useKindLabel } from '../use-localities';
import { crimeLegendSteps, crimeRadius } from './crime-scale';
import type { LayerVisibility, MapLayerId } from './map-layers';
import { PlaceKindSymbol } from '../PlaceKindSymbol';
import { MAP_COLORS } from './map-style';

interface MapLegendProps {
  kinds: readonly LocalityKind[];
  placeKinds: readonly PlaceKind[];
  visibility: LayerVisibility;
  onToggle: (layer: MapLayerId, isVisible: boolean) => void;
  /** The crime layer, for people who may see registered crime. */
  crime?: { maxCount: number; total: number; period: ReactNode };
}

function LegendList({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

function LegendItem({ symbol, children }: { symbol: ReactNode; children: ReactNode }) {
  return (
    <Group component="li" gap="xs" wrap="nowrap" align="center">
      <Box w={44} style={{ flexShrink: 0, display: 'flex', justifyContent: 'center' }} aria-hidden="true">
        {symbol}
      </Box>
      <Text size="sm" className="wrap-anywhere">
        {children}
      </Text>
    </Group>
  );
}

/** The map's key and its layer switches, as HTML: readable and operable without the map. */
export function MapLegend({ kinds, placeKinds, visibility, onToggle, crime }: MapLegendProps) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel(kinds);
  const headingId = useId();
  const toggle = (layer: MapLayerId) => (event: { currentTarget: { checked: boolean } }) => onToggle(layer, event.currentTarget.checked);
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <Title order={2} fz="h4" id={headingId} mb="sm">
        {t('map.legend')}
      </Title>
      <Stack gap="md">
        <Stack gap={6}>
          <Checkbox label={t('map.layers.localities')} checked={visibility.localities} onChange={toggle('localities')} />
          <LegendList label={t('map.layers.localities')}>
            {kinds.map((kind) => (
              <LegendItem key={kind.code} symbol={<Box w={24} h={16} style={{ background: `${kind.color}47`, border: `2.5px solid ${kind.color}`, borderRadius: 3 }} />}>
                {kindLabel(kind.code)}
              </LegendItem>
            ))}
          </LegendList>
        </Stack>
        <Stack gap={6}>
          <Checkbox label={t('map.layers.places')} checked={visibility.places} onChange={toggle('places')} />
          <LegendList label={t('map.layers.places')}>
            {placeKinds.map((kind) => (
              <LegendItem key={kind} symbol={<PlaceKindSymbol kind={kind} />}>
                {t(`places.kinds.${kind}`)}
              </LegendItem>
            ))}
          </LegendList>
        </Stack>
        {crime && (
          <Stack gap={6}>
            <Checkbox label={t('map.layers.crime')} checked={visibility.crime} onChange={toggle('crime')} />
            <Text size="sm" ml={32} className="wrap-anywhere">
              {crime.period}
            </Text>
            <LegendList label={t('map.layers.crime')}>
              {crime.total === 0 ? (
                <Text component="li" size="sm">
                  {t('map.noCrime')}
                </Text>
              ) : (
                crimeLegendSteps(crime.maxCount).map((count) => {
                  const diameter = Math.round(crimeRadius(count, crime.maxCount) * 2);
                  return (
                    <LegendItem
                      key={count}
                      symbol={<Box w={diameter} h={diameter} style={{ background: `${MAP_COLORS.crime}8c`, border: `1.5px solid ${MAP_COLORS.crime}`, borderRadius: '50%' }} />}
                    >
                      {t('map.crimeCell', { count })}
                    </LegendItem>
                  );
                })
              )}
            </LegendList>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
