import type { LocalityKind, Place } from '@saferhood/contracts';
import type { FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { PLACE_KINDS } from '../place-kinds';
import { crimeRadiusExpression } from './crime-scale';
import { MAP_COLORS, PLACE_KIND_STYLE } from './map-style';

export type MapLayerId = 'localities' | 'places' | 'crime';
export type LayerVisibility = Readonly<Record<MapLayerId, boolean>>;

/** What the map draws; each part may still be loading (null). */
export interface TerritoryMapData {
  cityArea: MultiPolygon | null;
  /** Localities as GeoJSON features with `id`, `name` and `kind` properties. */
  localities: FeatureCollection | null;
  kinds: readonly LocalityKind[];
  places: readonly Place[] | null;
  /** Grid cells of offences: points with a `count` property. */
  crime: FeatureCollection | null;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Our layer ids, by the toggle that shows or hides them. */
export const LAYER_IDS: Readonly<Record<MapLayerId, readonly string[]>> = {
  localities: ['localities-fill', 'localities-outline'],
  places: ['places-lines', 'places-points'],
  crime: ['crime-cells'],
};
export const CLICKABLE_LAYERS = ['crime-cells', 'places-points', 'places-lines', 'localities-fill'] as const;

function placesAsFeatures(places: readonly Place[] | null): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: (places ?? []).map((place) => ({
      type: 'Feature',
      geometry: place.geometry as Geometry,
      properties: { id: place.id, name: place.name, kind: place.kind },
    })),
  };
}

function cityAsFeatures(area: MultiPolygon | null): FeatureCollection {
  return area ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: area, properties: {} }] } : EMPTY;
}

/** ['match', ['get', 'kind'], code1, colour1, …, fallback]: a colour per kind. */
function matchKind(pairs: readonly [string, string][], fallback: string): ExpressionSpecification {
  // The spec's tuple type cannot express a variable number of pairs; the shape above is what it wants.
  return ['match', ['get', 'kind'], ...pairs.flat(), fallback] as unknown as ExpressionSpecification;
}

function kindColorExpression(kinds: readonly LocalityKind[]): ExpressionSpecification | string {
  if (kinds.length === 0) return '#868e96';
  return matchKind(kinds.map((kind) => [kind.code, kind.color]), '#868e96');
}

function placeColorExpression(): ExpressionSpecification {
  return matchKind(PLACE_KINDS.map((kind) => [kind, PLACE_KIND_STYLE[kind].color]), '#343a40');
}

/** Adds the sources and layers once the style is there (again after a fallback to the blank style). */
export function addTerritoryLayers(map: MapLibreMap, data: TerritoryMapData, visibility: LayerVisibility): void {
  map.addSource('city-area', { type: 'geojson', data: cityAsFeatures(data.cityArea) });
  map.addSource('localities', { type: 'geojson', data: data.localities ?? EMPTY });
  map.addSource('places', { type: 'geojson', data: placesAsFeatures(data.places) });
  map.addSource('crime', { type: 'geojson', data: data.crime ?? EMPTY });

  map.addLayer({ id: 'city-area-fill', type: 'fill', source: 'city-area', paint: { 'fill-color': MAP_COLORS.cityArea, 'fill-opacity': 0.85 } });
  map.addLayer({ id: 'city-area-outline', type: 'line', source: 'city-area', paint: { 'line-color': MAP_COLORS.cityOutline, 'line-width': 2, 'line-dasharray': [3, 2] } });
  const kindColor = kindColorExpression(data.kinds);
  map.addLayer({ id: 'localities-fill', type: 'fill', source: 'localities', paint: { 'fill-color': kindColor, 'fill-opacity': 0.28 } });
  map.addLayer({ id: 'localities-outline', type: 'line', source: 'localities', paint: { 'line-color': kindColor, 'line-width': 2.5 } });
  // Crime under the places, so a busy cell never hides a school crossing.
  map.addLayer({
    id: 'crime-cells',
    type: 'circle',
    source: 'crime',
    paint: {
      'circle-color': MAP_COLORS.crime,
      'circle-opacity': 0.55,
      'circle-radius': crimeRadiusExpression(data.crime),
      'circle-stroke-color': MAP_COLORS.crime,
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({
    id: 'places-lines',
    type: 'line',
    source: 'places',
    filter: ['!=', ['geometry-type'], 'Point'],
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': placeColorExpression(), 'line-width': 4, 'line-dasharray': [2, 1] },
  });
  map.addLayer({
    id: 'places-points',
    type: 'circle',
    source: 'places',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': placeColorExpression(), 'circle-radius': 7, 'circle-stroke-color': MAP_COLORS.placeOutline, 'circle-stroke-width': 2.5 },
  });
  applyVisibility(map, visibility);
}

/** Puts fresh data into the sources that exist (the layers are added when the style has loaded). */
export function updateTerritoryData(map: MapLibreMap, data: TerritoryMapData): void {
  const set = (id: string, collection: FeatureCollection) => map.getSource<GeoJSONSource>(id)?.setData(collection);
  set('city-area', cityAsFeatures(data.cityArea));
  set('localities', data.localities ?? EMPTY);
  set('places', placesAsFeatures(data.places));
  set('crime', data.crime ?? EMPTY);
  if (map.getLayer('localities-fill')) {
    const kindColor = kindColorExpression(data.kinds);
    map.setPaintProperty('localities-fill', 'fill-color', kindColor);
    map.setPaintProperty('localities-outline', 'line-color', kindColor);
  }
  if (map.getLayer('crime-cells')) map.setPaintProperty('crime-cells', 'circle-radius', crimeRadiusExpression(data.crime));
}

export function applyVisibility(map: MapLibreMap, visibility: LayerVisibility): void {
  for (const [toggle, ids] of Object.entries(LAYER_IDS) as [MapLayerId, readonly string[]][]) {
    for (const id of ids) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility[toggle] ? 'visible' : 'none');
  }
}
