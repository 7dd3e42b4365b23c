import type { PlaceKind } from '../place-kinds';

/**
 * The base map comes from configuration (VITE_MAP_STYLE_URL at build time). Without one — tests,
 * offline servers — a plain background: our own layers (localities, places, crime) need no tiles.
 */
export const CONFIGURED_STYLE_URL = import.meta.env.VITE_MAP_STYLE_URL?.trim() || null;

export const BACKGROUND_COLOR = '#e9ecef';

export const BLANK_STYLE = {
  version: 8 as const,
  sources: {},
  layers: [{ id: 'background', type: 'background' as const, paint: { 'background-color': BACKGROUND_COLOR } }],
};

/** Colours of our layers. Each has at least 3:1 contrast with the background and with white (WCAG 1.4.11). */
export const MAP_COLORS = {
  cityArea: '#ffffff',
  cityOutline: '#495057',
  crime: '#c92a2a',
  placeOutline: '#ffffff',
} as const;

/** A place kind's look: points are circles of its colour, lines are drawn in it (dashed for bike paths). */
export const PLACE_KIND_STYLE: Readonly<Record<PlaceKind, { color: string; isDashed?: boolean }>> = {
  school_crossing: { color: '#1864ab' },
  bike_path: { color: '#2b8a3e', isDashed: true },
  transport_hub: { color: '#0b7285' },
  hostel: { color: '#a61e4d' },
  park: { color: '#5c940d' },
  public_office: { color: '#343a40' },
  other: { color: '#5f3dc4' },
};
