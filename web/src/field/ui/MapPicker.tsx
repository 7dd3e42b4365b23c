import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { OfflineCopy } from '../api/field-api';
import { useI18n } from '../lib/i18n';
import type { Point } from '../sync/outbox-types';

// The worker is a file of its own that the bundler does not see; Vite emits it and gives its address.
maplibregl.setWorkerUrl(workerUrl);

const STYLE_URL = import.meta.env.VITE_MAP_STYLE_URL?.trim() || null;
// Without a configured base map (and offline) a plain background: the localities from the phone's copy
// are enough to find a street block.
const BLANK_STYLE: maplibregl.StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e9ecef' } }],
};

function boundsOf(copy: OfflineCopy | null, centre: Point | null): maplibregl.LngLatBoundsLike | null {
  if (centre) {
    const [lon = 0, lat = 0] = centre.coordinates;
    return [lon - 0.004, lat - 0.003, lon + 0.004, lat + 0.003];
  }
  const positions = copy?.localities.flatMap((locality) => locality.boundary.coordinates.flat(2)) ?? [];
  if (positions.length === 0) return null;
  const lons = positions.map((position) => position[0] ?? 0);
  const lats = positions.map((position) => position[1] ?? 0);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** Loaded only when the person opens the map (MapLibre is most of a megabyte). A tap chooses the place. */
export function MapPicker({ copy, centre, onPick }: { copy: OfflineCopy | null; centre: Point | null; onPick: (point: Point) => void }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!container.current) return;
    const bounds = boundsOf(copy, centre);
    const map = new maplibregl.Map({
      container: container.current,
      style: STYLE_URL ?? BLANK_STYLE,
      ...(bounds ? { bounds, fitBoundsOptions: { padding: 20 } } : { center: [14.4, 50.08], zoom: 12 }),
      attributionControl: false,
    });
    const marker = new maplibregl.Marker({ color: '#a4161a' });
    map.on('load', () => {
      map.addSource('localities', {
        type: 'geojson',
        data: {
          type: 'FeatureCollection',
          features: (copy?.localities ?? []).map((locality) => ({ type: 'Feature', properties: { name: locality.name }, geometry: locality.boundary })),
        },
      });
      map.addLayer({ id: 'localities-fill', type: 'fill', source: 'localities', paint: { 'fill-color': '#0b4f8a', 'fill-opacity': 0.12 } });
      map.addLayer({ id: 'localities-line', type: 'line', source: 'localities', paint: { 'line-color': '#0b4f8a', 'line-width': 2 } });
      if (centre) marker.setLngLat(centre.coordinates as [number, number]).addTo(map);
    });
    map.on('idle', () => container.current?.setAttribute('data-map-idle', 'true'));
    map.on('click', (event: maplibregl.MapMouseEvent) => {
      const point: Point = { type: 'Point', coordinates: [Math.round(event.lngLat.lng * 1e6) / 1e6, Math.round(event.lngLat.lat * 1e6) / 1e6] };
      marker.setLngLat(event.lngLat).addTo(map);
      pick.current(point);
    });
    return () => map.remove();
    // The map is made once; a new centre comes from the person's tap.
  }, []);

  return <div ref={container} className="map-box" role="region" aria-label={t('place.mapLabel')} />;
}
