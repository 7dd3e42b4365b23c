import type { Locality, LocalityDetail, LocalityKind } from '@saferhood/contracts';
import type { LocalitySummaryRow } from './locality.repository';

export function presentLocality(row: LocalitySummaryRow): Locality {
  const label = JSON.parse(row.labelPoint) as { coordinates: [number, number] };
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    externalCode: row.externalCode,
    description: row.description,
    status: row.status as Locality['status'],
    areaKm2: Math.round(Number(row.areaKm2) * 1000) / 1000,
    labelPoint: label.coordinates,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentLocalityDetail(row: LocalitySummaryRow & { boundary: string }): LocalityDetail {
  return { ...presentLocality(row), boundary: JSON.parse(row.boundary) };
}

/** A GeoJSON Feature per locality, for maps and export; properties are the list fields. */
export function presentLocalityFeature(row: LocalitySummaryRow & { boundary: string }) {
  const { labelPoint: _labelPoint, ...properties } = presentLocality(row);
  return { type: 'Feature' as const, id: row.id, geometry: JSON.parse(row.boundary), properties };
}

export const presentLocalityKind = (row: { code: string; labels: Record<string, string>; color: string }): LocalityKind => ({
  code: row.code,
  labels: row.labels,
  color: row.color,
});
