import { Button, Grid, NativeSelect, Stack } from '@mantine/core';
import { IconMapPinPlus } from '@tabler/icons-react';
import type { FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { hasPermission, useMe } from '../auth/index';
import { CRIME_QUERY_KEY, formatMonth, getCrimeGrid, periodOfMonth, useCrimeMonth } from '../crime/index';
import { CITY_AREA_QUERY_KEY, getCityArea, listLocalityFeatures, listPlaces, localityFeaturesQueryKey, PLACES_QUERY_KEY } from './api';
import { LocalityLinkList } from './LocalityLinkList';
import { LazyTerritoryMap, MapSkeleton } from './map/LazyTerritoryMap';
import { boundsOf } from './map/map-bounds';
import type { LayerVisibility, MapLayerId, TerritoryMapData } from './map/map-layers';
import { maxCrimeCount } from './map/crime-scale';
import { MapLegend } from './map/MapLegend';
import { PLACE_KINDS } from './place-kinds';
import { PlaceCreateForm } from './PlaceCreateForm';
import { useLocalities } from './use-localities';
import { useIsWide } from '../../components/use-is-wide';

/** The city's territory on one map: localities by kind, places of duty, registered crime. */
export function TerritoryMapPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const isWide = useIsWide();
  const canSeeCrime = hasPermission(me, 'crime_data:read');
  const localities = useLocalities('active');
  const features = useQuery({ queryKey: localityFeaturesQueryKey(), queryFn: listLocalityFeatures });
  const places = useQuery({ queryKey: PLACES_QUERY_KEY, queryFn: () => listPlaces() });
  const cityArea = useQuery({ queryKey: CITY_AREA_QUERY_KEY, queryFn: getCityArea });
  const crimeMonth = useCrimeMonth(canSeeCrime);
  const month = crimeMonth.month;
  const crime = useQuery({
    queryKey: [...CRIME_QUERY_KEY, 'grid', month],
    queryFn: () => getCrimeGrid(periodOfMonth(month!)),
    enabled: canSeeCrime && month !== null,
  });
  const [visibility, setVisibility] = useState<LayerVisibility>({ localities: true, places: true, crime: true });
  const [isAddingPlace, setAddingPlace] = useState(false);
  const canAddPlace = hasPermission(me, 'place:create');
  const toggle = (layer: MapLayerId, isVisible: boolean) => setVisibility((current) => ({ ...current, [layer]: isVisible }));

  const kinds = localities.data?.kinds ?? [];
  const data = useMemo<TerritoryMapData>(
    () => ({
      cityArea: (cityArea.data ?? null) as MultiPolygon | null,
      localities: (features.data ?? null) as FeatureCollection | null,
      kinds: localities.data?.kinds ?? [],
      places: places.data ?? null,
      crime: canSeeCrime ? ((crime.data ?? null) as FeatureCollection | null) : null,
    }),
    [cityArea.data, features.data, localities.data, places.data, crime.data, canSeeCrime],
  );
  // The map opens on the city's area, or on its localities when the city has no boundary yet.
  const bounds = useMemo(
    () => (cityArea.data ? boundsOf([cityArea.data as MultiPolygon]) : boundsOf((features.data?.features ?? []).map((feature) => feature.geometry as MultiPolygon))),
    [cityArea.data, features.data],
  );
  const context = useMemo<Geometry[]>(
    () => [...(cityArea.data ? [cityArea.data as MultiPolygon] : []), ...(features.data?.features ?? []).map((feature) => feature.geometry as Geometry)],
    [cityArea.data, features.data],
  );
  const failed = [localities, features, places, cityArea, crime].find((query) => query.isError);
  const isFramed = cityArea.isSuccess && (cityArea.data !== null || features.isSuccess);
  const crimeTotal = (crime.data?.features ?? []).reduce((sum, feature) => sum + Number(feature.properties?.count ?? 0), 0);

  return (
    <>
      <PageHeader
        title={t('map.title')}
        description={t(canSeeCrime ? 'map.description' : 'map.descriptionWithoutCrime', { city: me.tenant.name })}
        actions={
          canAddPlace &&
          !isAddingPlace && (
            <Button leftSection={<IconMapPinPlus size={18} aria-hidden="true" />} onClick={() => setAddingPlace(true)}>
              {t('places.add')}
            </Button>
          )
        }
      />
      {failed && <ErrorAlert error={failed.error} title={t('common.loadFailed')} onRetry={() => void failed.refetch()} />}
      <Grid gap="lg" mt={failed ? 'md' : 0}>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          {isFramed ? (
            <LazyTerritoryMap key={i18n.language} data={data} visibility={visibility} bounds={bounds} label={t('map.regionLabel', { city: me.tenant.name })} height={isWide ? 640 : 400} />
          ) : (
            <MapSkeleton height={isWide ? 640 : 400} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="md">
            {isAddingPlace && <PlaceCreateForm context={context} bounds={bounds} onDone={() => setAddingPlace(false)} />}
            {canSeeCrime && month && (
              <NativeSelect
                label={t('crime.month')}
                value={month}
                onChange={(event) => crimeMonth.setMonth(event.currentTarget.value)}
                data={crimeMonth.options.map((option) => ({ value: option, label: formatMonth(option, i18n.language) }))}
              />
            )}
            <MapLegend
              // Only the kinds on the map: a city's code list may hold kinds no active locality has yet.
              kinds={kinds.filter((kind) => localities.data?.items.some((locality) => locality.kind === kind.code))}
              placeKinds={PLACE_KINDS.filter((kind) => places.data?.some((place) => place.kind === kind))}
              visibility={visibility}
              onToggle={toggle}
              crime={canSeeCrime ? { maxCount: maxCrimeCount(data.crime), total: crimeTotal, period: month ? t('map.crimePeriod', { month: formatMonth(month, i18n.language) }) : t('common.loading') } : undefined}
            />
            {localities.data && <LocalityLinkList localities={localities.data.items} kinds={kinds} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
