import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';
import type { Bounds } from './map-bounds';

/** Fits the map to `bounds` when the box itself changes, not on every new array with the same numbers. */
export function useFitBounds(map: RefObject<MapLibreMap | null>, bounds: Bounds | null): void {
  const boundsKey = bounds?.join(',') ?? '';
  useEffect(() => {
    if (map.current && bounds) map.current.fitBounds(bounds, { padding: 24, animate: false });
  }, [boundsKey]);
}
