import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';

const MIN_RADIUS = 5;
const MAX_RADIUS = 22;

/** The largest count among the grid cells (at least 1). */
export function maxCrimeCount(crime: FeatureCollection | null): number {
  let max = 1;
  for (const feature of crime?.features ?? []) {
    const count = Number(feature.properties?.count ?? 0);
    if (count > max) max = count;
  }
  return max;
}

/** Circle radius in pixels: the circle's area grows with the count, up to the largest cell. */
export function crimeRadius(count: number, max: number): number {
  if (max <= 1) return MIN_RADIUS + 2;
  return MIN_RADIUS + ((Math.sqrt(count) - 1) / (Math.sqrt(max) - 1)) * (MAX_RADIUS - MIN_RADIUS);
}

/** The same scale as a MapLibre expression, so the legend and the map agree. */
export function crimeRadiusExpression(crime: FeatureCollection | null): ExpressionSpecification | number {
  const max = maxCrimeCount(crime);
  if (max <= 1) return crimeRadius(1, 1);
  return ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, MIN_RADIUS, Math.sqrt(max), MAX_RADIUS];
}

/** Counts to show in the legend: 1, a middle one and the largest. */
export function crimeLegendSteps(max: number): number[] {
  if (max <= 1) return [1];
  const middle = Math.min(max - 1, Math.max(2, Math.round(max / 3)));
  return [...new Set([1, middle, max])].filter((step) => step >= 1 && step <= max);
}
