import { lazy, Suspense } from 'react';
import { MapSkeleton } from './LazyTerritoryMap';
import type { PointPickerMapProps } from './PointPickerMap';

// MapLibre loads with the first map on screen, never with the app.
const PointPickerMap = lazy(() => import('./PointPickerMap').then((module) => ({ default: module.PointPickerMap })));

export function LazyPointPickerMap(props: PointPickerMapProps) {
  return (
    <Suspense fallback={<MapSkeleton height={props.height} />}>
      <PointPickerMap {...props} />
    </Suspense>
  );
}
