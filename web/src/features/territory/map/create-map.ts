import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type MapOptions } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Bounds } from './map-bounds';
import { BLANK_STYLE, CONFIGURED_STYLE_URL } from './map-style';

// The worker is a file of its own that a bundler does not see; Vite emits it and gives its address.
setWorkerUrl(workerUrl);

/**
 * A MapLibre map as every map of ours starts: the configured base style (or the blank one), fitted to
 * `bounds` or showing Czechia, no rotation, zoom buttons. Returns null where WebGL is unavailable —
 * callers then show their lists instead.
 */
export function createBaseMap(
  container: HTMLElement,
  options: { bounds: Bounds | null; locale: Record<string, string> } & Partial<Omit<MapOptions, 'bounds' | 'locale' | 'container'>>,
): MapLibreMap | null {
  const { bounds, locale, ...rest } = options;
  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container,
      style: CONFIGURED_STYLE_URL ?? BLANK_STYLE,
      bounds: bounds ?? undefined,
      fitBoundsOptions: { padding: 24 },
      center: bounds ? undefined : [15.47, 49.82],
      zoom: bounds ? undefined : 6,
      locale,
      dragRotate: false,
      pitchWithRotate: false,
      attributionControl: CONFIGURED_STYLE_URL ? { compact: true } : false,
      ...rest,
    });
  } catch {
    return null;
  }
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  return map;
}
