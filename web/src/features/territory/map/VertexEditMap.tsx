import 'maplibre-gl/dist/maplibre-gl.css';
import './territory-map.css';
import { Box } from '@mantine/core';
import type { FeatureCollection, Geometry, LineString, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Bounds } from './map-bounds';
import { createBaseMap } from './create-map';
import { MapUnavailableAlert } from './MapUnavailableAlert';
import { useFitBounds } from './use-fit-bounds';
import { useMapUiStrings } from './use-map-ui-strings';

export type EditableGeometry = Polygon | LineString;

export interface VertexEditMapProps {
  /** The boundary or line whose corners are dragged; read once, when the map opens. */
  geometry: EditableGeometry;
  /** Geometries shown underneath for orientation (the current boundary, other localities). */
  context: readonly Geometry[];
  /** After every move, insertion or removal of a corner. */
  onChange: (geometry: EditableGeometry) => void;
  bounds: Bounds | null;
  label: string;
  height: number | string;
}

// terra-draw refuses a feature whose coordinates have more decimals than its precision.
const PRECISION = 9;
const BLUE = '#1864ab';

const roundAll = (geometry: EditableGeometry): EditableGeometry => {
  const round = (position: number[]) => position.map((value) => Math.round(value * 10 ** PRECISION) / 10 ** PRECISION);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(round)) }
    : { type: 'LineString', coordinates: geometry.coordinates.map(round) };
};

function contextCollection(context: readonly Geometry[]): FeatureCollection {
  return { type: 'FeatureCollection', features: context.map((geometry) => ({ type: 'Feature', geometry, properties: {} })) };
}

// Corners are dragged, a midpoint dragged becomes a new corner, a right-click removes one; the shape itself
// never moves, rotates or scales, and no key deletes it or lets it go.
const EDIT_FLAGS = { feature: { draggable: false, coordinates: { draggable: true, deletable: true, midpoints: { draggable: true } } } };

/**
 * A MapLibre map with terra-draw's select mode on one polygon or line: the corners of an existing
 * boundary or bike path dragged into place. Pointer-only by nature; the editors offer GeoJSON text beside it.
 */
export function VertexEditMap({ geometry, context, onChange, bounds, label, height }: VertexEditMapProps) {
  const uiStrings = useMapUiStrings();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const latest = useRef({ geometry, context, onChange });
  latest.current = { geometry, context, onChange };
  const [isUnavailable, setUnavailable] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = createBaseMap(element, { bounds, locale: uiStrings, doubleClickZoom: false });
    if (!instance) {
      setUnavailable(true);
      return;
    }
    map.current = instance;
    let draw: TerraDraw | null = null;

    instance.on('load', () => {
      instance.addSource('vertex-context', { type: 'geojson', data: contextCollection(latest.current.context) });
      instance.addLayer({ id: 'vertex-context-fill', type: 'fill', source: 'vertex-context', paint: { 'fill-color': '#868e96', 'fill-opacity': 0.12 } });
      instance.addLayer({ id: 'vertex-context-line', type: 'line', source: 'vertex-context', paint: { 'line-color': '#495057', 'line-width': 1, 'line-dasharray': [2, 2] } });

      draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map: instance, coordinatePrecision: PRECISION }),
        modes: [
          new TerraDrawPolygonMode({ styles: { fillColor: '#1c7ed6', fillOpacity: 0.25, outlineColor: BLUE, outlineWidth: 2 } }),
          new TerraDrawLineStringMode({ styles: { lineStringColor: BLUE, lineStringWidth: 3 } }),
          new TerraDrawSelectMode({
            flags: { polygon: EDIT_FLAGS, linestring: EDIT_FLAGS },
            keyEvents: null,
            allowManualDeselection: false,
            // A finger is wider than a mouse pointer: corners are found from further away.
            pointerDistance: 30,
            styles: {
              selectedPolygonColor: '#1c7ed6',
              selectedPolygonFillOpacity: 0.25,
              selectedPolygonOutlineColor: BLUE,
              selectedPolygonOutlineWidth: 2,
              selectedLineStringColor: BLUE,
              selectedLineStringWidth: 3,
              selectionPointColor: '#ffffff',
              selectionPointOutlineColor: BLUE,
              selectionPointWidth: 6,
              selectionPointOutlineWidth: 3,
              midPointColor: BLUE,
              midPointOutlineColor: '#ffffff',
              midPointWidth: 4,
              midPointOutlineWidth: 2,
            },
          }),
        ],
      });
      draw.start();
      const featureId = draw.getFeatureId();
      const shown = roundAll(latest.current.geometry);
      const results = draw.addFeatures([
        { id: featureId, type: 'Feature', geometry: shown, properties: { mode: shown.type === 'Polygon' ? 'polygon' : 'linestring' } },
      ]);
      if (!results[0]?.valid) {
        setUnavailable(true);
        return;
      }
      draw.selectFeature(featureId);
      draw.on('change', (ids, type) => {
        if (type !== 'update' || !ids.includes(featureId)) return;
        const feature = draw?.getSnapshotFeature(featureId);
        if (feature && (feature.geometry.type === 'Polygon' || feature.geometry.type === 'LineString')) latest.current.onChange(feature.geometry);
      });
    });
    const setIdle = (isIdle: boolean) => element.setAttribute('data-map-idle', String(isIdle));
    instance.on('idle', () => setIdle(true));
    instance.on('sourcedataloading', () => setIdle(false));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      draw?.stop();
      instance.remove();
      map.current = null;
    };
  }, []);

  useFitBounds(map, bounds);

  if (isUnavailable) return <MapUnavailableAlert />;
  return (
    <Box component="section" aria-label={label} pos="relative" h={height} className="territory-map">
      <div ref={container} style={{ position: 'absolute', inset: 0 }} data-map-idle="false" />
    </Box>
  );
}
