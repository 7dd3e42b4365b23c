import 'maplibre-gl/dist/maplibre-gl.css';
import './territory-map.css';
import { Box } from '@mantine/core';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { Bounds } from './map-bounds';
import { createBaseMap } from './create-map';
import { MapUnavailableAlert } from './MapUnavailableAlert';
import { useFitBounds } from './use-fit-bounds';
import { useMapUiStrings } from './use-map-ui-strings';

export type LonLat = [lon: number, lat: number];
export type PickedShape = 'point' | 'line' | 'area';

export interface PointPickerMapProps {
  /** The points picked so far: one for a place, the vertices of a line or a boundary being drawn. */
  points: readonly LonLat[];
  /** How the points are drawn: markers alone, joined as a line, or closed as an area (a boundary). */
  shape: PickedShape;
  /** Geometries shown underneath for orientation (the city, other localities). */
  context: readonly Geometry[];
  onPick: (point: LonLat) => void;
  /** Double-click or Enter: the drawing is finished. */
  onFinish?: () => void;
  bounds: Bounds | null;
  label: string;
  height: number | string;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function drawing(points: readonly LonLat[], shape: PickedShape): FeatureCollection {
  const features: Feature[] = points.map((point) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [...point] }, properties: {} }));
  if (shape !== 'point' && points.length >= 2) {
    const isClosed = shape === 'area' && points.length >= 3;
    const ring = isClosed ? [...points, points[0]!] : [...points];
    features.push(
      isClosed
        ? { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring.map((point) => [...point])] }, properties: {} }
        : { type: 'Feature', geometry: { type: 'LineString', coordinates: ring.map((point) => [...point]) }, properties: {} },
    );
  }
  return { type: 'FeatureCollection', features };
}

function contextCollection(context: readonly Geometry[]): FeatureCollection {
  return { type: 'FeatureCollection', features: context.map((geometry) => ({ type: 'Feature', geometry, properties: {} })) };
}

/** A MapLibre map that turns clicks into points: a place's position, or a line's or a boundary's vertices. */
export function PointPickerMap({ points, shape, context, onPick, onFinish, bounds, label, height }: PointPickerMapProps) {
  const uiStrings = useMapUiStrings();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const latest = useRef({ points, shape, context, onPick, onFinish });
  latest.current = { points, shape, context, onPick, onFinish };
  const [isUnavailable, setUnavailable] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // Double-click finishes a line or a boundary here, so it must not zoom.
    const instance = createBaseMap(element, { bounds, locale: uiStrings, doubleClickZoom: false });
    if (!instance) {
      setUnavailable(true);
      return;
    }
    map.current = instance;
    instance.getCanvas().style.cursor = 'crosshair';

    instance.on('style.load', () => {
      instance.addSource('picker-context', { type: 'geojson', data: contextCollection(latest.current.context) });
      instance.addSource('picker-drawing', { type: 'geojson', data: drawing(latest.current.points, latest.current.shape) });
      instance.addLayer({ id: 'picker-context-fill', type: 'fill', source: 'picker-context', paint: { 'fill-color': '#868e96', 'fill-opacity': 0.12 } });
      instance.addLayer({ id: 'picker-context-line', type: 'line', source: 'picker-context', paint: { 'line-color': '#495057', 'line-width': 1 } });
      instance.addLayer({ id: 'picker-area', type: 'fill', source: 'picker-drawing', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#1c7ed6', 'fill-opacity': 0.25 } });
      instance.addLayer({ id: 'picker-outline', type: 'line', source: 'picker-drawing', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#1864ab', 'line-width': 2 } });
      instance.addLayer({
        id: 'picker-points',
        type: 'circle',
        source: 'picker-drawing',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': '#1864ab', 'circle-stroke-width': 3 },
      });
    });
    const setIdle = (isIdle: boolean) => element.setAttribute('data-map-idle', String(isIdle));
    instance.on('idle', () => setIdle(true));
    instance.on('sourcedataloading', () => setIdle(false));
    instance.on('click', (event) => {
      const point: LonLat = [round(event.lngLat.lng), round(event.lngLat.lat)];
      const last = latest.current.points.at(-1);
      // The two clicks of a double-click land on one spot: one vertex, not two.
      if (last && last[0] === point[0] && last[1] === point[1]) return;
      latest.current.onPick(point);
    });
    instance.on('dblclick', () => latest.current.onFinish?.());
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const source = map.current?.getSource<GeoJSONSource>('picker-drawing');
    source?.setData(drawing(points, shape));
  }, [points, shape]);

  useEffect(() => {
    const source = map.current?.getSource<GeoJSONSource>('picker-context');
    source?.setData(contextCollection(context));
  }, [context]);

  useFitBounds(map, bounds);

  if (isUnavailable) return <MapUnavailableAlert />;
  return (
    <Box
      component="section"
      aria-label={label}
      pos="relative"
      h={height}
      className="territory-map"
      onKeyDown={(event) => {
        if (event.key === 'Enter' && onFinish) onFinish();
      }}
    >
      <div ref={container} style={{ position: 'absolute', inset: 0 }} data-map-idle="false" />
    </Box>
  );
}
