import 'maplibre-gl/dist/maplibre-gl.css';
import './territory-map.css';
import { Box } from '@mantine/core';
import { Popup, type Map as MapLibreMap, type MapGeoJSONFeature, type MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { labelOfKind } from '../use-localities';
import type { Bounds } from './map-bounds';
import { addTerritoryLayers, applyVisibility, CLICKABLE_LAYERS, updateTerritoryData, type LayerVisibility, type TerritoryMapData } from './map-layers';
import { buildPopupElement, type PopupContent } from './map-popup';
import { createBaseMap } from './create-map';
import { MapUnavailableAlert } from './MapUnavailableAlert';
import { useFitBounds } from './use-fit-bounds';
import { BLANK_STYLE, CONFIGURED_STYLE_URL } from './map-style';
import { useMapUiStrings } from './use-map-ui-strings';


/** A pointer over something clickable says so. */
function listenToLayers(map: MapLibreMap): void {
  for (const layer of CLICKABLE_LAYERS) {
    map.on('mouseenter', layer, (event: MapLayerMouseEvent) => {
      event.target.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', layer, (event: MapLayerMouseEvent) => {
      event.target.getCanvas().style.cursor = '';
    });
  }
}

export interface TerritoryMapProps {
  data: TerritoryMapData;
  visibility: LayerVisibility;
  /** The box the map shows first (and again when it changes). */
  bounds: Bounds | null;
  /** The map's accessible name. */
  label: string;
  height: number | string;
  /** Inside a scrolling page: one finger scrolls the page, two move the map. */
  isEmbedded?: boolean;
}

/** The territory on a MapLibre map: city area, localities by kind, places, crime cells; click for details. */
export function TerritoryMap({ data, visibility, bounds, label, height, isEmbedded = false }: TerritoryMapProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const uiStrings = useMapUiStrings();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const latest = useRef({ data, visibility });
  latest.current = { data, visibility };
  const [isUnavailable, setUnavailable] = useState(false);

  const describe = (feature: MapGeoJSONFeature): PopupContent | null => {
    const properties = feature.properties;
    if (feature.layer.id === 'crime-cells') return { title: t('map.crimeCell', { count: Number(properties.count) }), lines: [] };
    if (feature.layer.id.startsWith('places')) return { title: String(properties.name), lines: [t(`places.kinds.${String(properties.kind)}`)] };
    const id = String(properties.id);
    return {
      title: String(properties.name),
      lines: [labelOfKind(latest.current.data.kinds, String(properties.kind), i18n.language)],
      link: { href: `/localities/${id}`, text: t('map.openLocality'), onFollow: () => void navigate(`/localities/${id}`) },
    };
  };
  const describeRef = useRef(describe);
  describeRef.current = describe;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = createBaseMap(element, { bounds, locale: uiStrings, cooperativeGestures: isEmbedded });
    if (!instance) {
      // No WebGL on this device (or it is switched off): the lists beside the map still work.
      setUnavailable(true);
      return;
    }
    map.current = instance;

    let hasLoaded = false;
    instance.on('style.load', () => {
      addTerritoryLayers(instance, latest.current.data, latest.current.visibility);
      if (!hasLoaded) listenToLayers(instance);
      hasLoaded = true;
    });
    instance.on('error', () => {
      // A configured base map that cannot be reached: carry on with the blank style.
      if (!hasLoaded && CONFIGURED_STYLE_URL) {
        hasLoaded = true;
        instance.setStyle(BLANK_STYLE);
      }
    });
    const setIdle = (isIdle: boolean) => element.setAttribute('data-map-idle', String(isIdle));
    instance.on('idle', () => setIdle(true));
    instance.on('sourcedataloading', () => setIdle(false));

    const popup = new Popup({ closeButton: true, maxWidth: '260px' });
    instance.on('click', (event) => {
      const [feature] = instance.queryRenderedFeatures(event.point, { layers: CLICKABLE_LAYERS.filter((id) => instance.getLayer(id)) });
      const content = feature ? describeRef.current(feature) : null;
      if (!content) return;
      popup.setLngLat(event.lngLat).setDOMContent(buildPopupElement(content)).addTo(instance);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      popup.remove();
      instance.remove();
      map.current = null;
    };
    // The map is made once; data, visibility and bounds reach it through the effects below.
  }, []);

  useEffect(() => {
    if (map.current) updateTerritoryData(map.current, data);
  }, [data]);

  useEffect(() => {
    if (map.current) applyVisibility(map.current, visibility);
  }, [visibility]);

  useFitBounds(map, bounds);

  if (isUnavailable) return <MapUnavailableAlert />;
  return (
    <Box component="section" aria-label={label} pos="relative" h={height} className="territory-map">
      <div ref={container} style={{ position: 'absolute', inset: 0 }} data-map-idle="false" />
    </Box>
  );
}
