import { lazy, Suspense } from 'react';
import { MapSkeleton } from './LazyTerritoryMap';
import type { VertexEditMapProps } from './VertexEditMap';

// terra-draw loads only when a coordinator opens "edit corners", never with the app or the other maps.
const VertexEditMap = lazy(() => import('./VertexEditMap').then((module) => ({ default: module.VertexEditMap })));

export function LazyVertexEditMap(props: VertexEditMapProps) {
  return (
    <Suspense fallback={<MapSkeleton height={props.height} />}>
      <VertexEditMap {...props} />
    </Suspense>
  );
}
