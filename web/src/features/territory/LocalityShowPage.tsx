import { Button, Grid, Stack } from '@mantine/core';
import { IconPolygon } from '@tabler/icons-react';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { hasPermission, useMe } from '../auth/index';
import { LocalityCrimeSection } from '../crime/index';
import { getLocality, listPlaces, localityQueryKey, PLACES_QUERY_KEY } from './api';
import { LocalityDetails } from './LocalityDetails';
import { LocalityIndicatorsSection } from './LocalityIndicatorsSection';
import { LocalityStatusButton } from './LocalityStatusButton';
import { LazyTerritoryMap } from './map/LazyTerritoryMap';
import { boundsOf } from './map/map-bounds';
import type { TerritoryMapData } from './map/map-layers';
import { useKindLabel, useLocalities } from './use-localities';

const VISIBLE = { localities: true, places: true, crime: false } as const;

/** One locality: where it is, what it is, its places, its indicators over time and registered crime. */
export function LocalityShowPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { id = '' } = useParams();
  const locality = useQuery({ queryKey: localityQueryKey(id), queryFn: () => getLocality(id) });
  const places = useQuery({ queryKey: PLACES_QUERY_KEY, queryFn: () => listPlaces() });
  const list = useLocalities('active');
  const kinds = list.data?.kinds ?? [];
  const kindLabel = useKindLabel(kinds);
  const inside = useMemo(() => (places.data ?? []).filter((place) => place.localityId === id), [places.data, id]);
  const data = useMemo<TerritoryMapData | null>(() => {
    if (!locality.data) return null;
    const { boundary, name, kind } = locality.data;
    const feature = { type: 'Feature' as const, geometry: boundary as MultiPolygon, properties: { id, name, kind } };
    return { cityArea: null, localities: { type: 'FeatureCollection', features: [feature] } as FeatureCollection, kinds, places: inside, crime: null };
  }, [locality.data, kinds, inside, id]);
  const bounds = useMemo(() => (locality.data ? boundsOf([locality.data.boundary as MultiPolygon]) : null), [locality.data]);

  if (locality.isPending) return <PageLoader />;
  if (locality.isError) {
    return (
      <>
        <PageHeader title={t('localities.oneTitle')} />
        <ErrorAlert error={locality.error} title={t('common.loadFailed')} onRetry={() => void locality.refetch()} />
      </>
    );
  }
  const shown = locality.data;

  return (
    <>
      <PageHeader
        title={shown.name}
        description={kinds.length > 0 ? kindLabel(shown.kind) : undefined}
        actions={
          hasPermission(me, 'locality:update') && (
            <>
              <Button size="xs" variant="default" component={Link} to={`/localities/${id}/boundary`} leftSection={<IconPolygon size={14} aria-hidden="true" />}>
                {t('boundary.edit')}
              </Button>
              <LocalityStatusButton locality={shown} />
            </>
          )
        }
      />
      <Stack gap="xl">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            {data && <LazyTerritoryMap key={i18n.language} data={data} visibility={VISIBLE} bounds={bounds} label={t('localities.mapLabel', { name: shown.name })} height={360} isEmbedded />}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              {places.isError && <ErrorAlert error={places.error} title={t('common.loadFailed')} onRetry={() => void places.refetch()} />}
              <LocalityDetails locality={shown} kinds={kinds} places={inside} />
            </Stack>
          </Grid.Col>
        </Grid>
        {hasPermission(me, 'indicator:list') && <LocalityIndicatorsSection localityId={id} localityName={shown.name} isActive={shown.status === 'active'} />}
        {hasPermission(me, 'crime_data:read') && <LocalityCrimeSection localityId={id} localityName={shown.name} />}
      </Stack>
    </>
  );
}
