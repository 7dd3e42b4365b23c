import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerritoryMapProps } from './TerritoryMap';

// MapLibre (and its CSS and worker) load with the first map on screen, never with the app.
const TerritoryMap = lazy(() => import('./TerritoryMap').then((module) => ({ default: module.TerritoryMap })));

/** The map's place while it (or what it shows) loads; said once as "Loading the map…". */
export function MapSkeleton({ height }: { height: number | string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{t('map.loading')}</span>
      <Skeleton height={height} radius="md" aria-hidden="true" />
    </div>
  );
}

export function LazyTerritoryMap(props: TerritoryMapProps) {
  return (
    <Suspense fallback={<MapSkeleton height={props.height} />}>
      <TerritoryMap {...props} />
    </Suspense>
  );
}
