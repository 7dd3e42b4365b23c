import type { Geometry } from 'geojson';

export type Bounds = [west: number, south: number, east: number, north: number];

function visit(coordinates: unknown, extend: (lon: number, lat: number) => void): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    extend(coordinates[0], coordinates[1]);
    return;
  }
  for (const inner of coordinates) visit(inner, extend);
}

/** The box around some geometries, or null when there are none. */
export function boundsOf(geometries: readonly (Geometry | null | undefined)[]): Bounds | null {
  let bounds: Bounds | null = null;
  const extend = (lon: number, lat: number) => {
    bounds = bounds ? [Math.min(bounds[0], lon), Math.min(bounds[1], lat), Math.max(bounds[2], lon), Math.max(bounds[3], lat)] : [lon, lat, lon, lat];
  };
  for (const geometry of geometries) {
    if (!geometry) continue;
    if (geometry.type === 'GeometryCollection') for (const part of geometry.geometries) visit('coordinates' in part ? part.coordinates : null, extend);
    else visit(geometry.coordinates, extend);
  }
  return bounds;
}

/** A box grown by `margin` degrees each way: a single point or a short line still gets surroundings. */
export function padBounds(bounds: Bounds | null, margin: number): Bounds | null {
  return bounds && [bounds[0] - margin, bounds[1] - margin, bounds[2] + margin, bounds[3] + margin];
}
