import type { AreaGeometry, PlaceGeometry } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { setCityArea } from './city-area.service';
import { importCrimeData } from './import-crime-data';
import { createIndicator, recordIndicatorValue } from './indicator.service';
import { hasAnyLocality } from './locality.repository';
import { createLocality } from './locality.service';
import { createPlace } from './place.service';

export interface TerritorySeed {
  area: AreaGeometry;
  localities: { name: string; kind: string; description: string | null; boundary: AreaGeometry }[];
  places: { name: string; kind: 'school_crossing' | 'bike_path' | 'transport_hub' | 'hostel' | 'park' | 'public_office' | 'other'; geometry: PlaceGeometry }[];
  /** `locality` is an index into `localities`; absent for a whole-city value. */
  indicators: { name: string; unit: string; values: { locality?: number; date: string; value: string; source: string }[] }[];
  crimeData: Buffer;
}

/**
 * Fills an empty city's territory through the same use cases a coordinator would use (so the demo is
 * audited like real work). Does nothing if the city already has localities.
 */
export async function seedTerritory(tx: TenantTx, actor: Actor, seed: TerritorySeed): Promise<boolean> {
  if (await hasAnyLocality(tx)) return false;
  await setCityArea(tx, actor, seed.area);
  const localityIds: string[] = [];
  for (const locality of seed.localities) {
    const created = await createLocality(tx, actor, { ...locality, description: locality.description ?? undefined });
    localityIds.push(created.id);
  }
  for (const place of seed.places) await createPlace(tx, actor, place);
  for (const indicator of seed.indicators) {
    const { id } = await createIndicator(tx, actor, { name: indicator.name, unit: indicator.unit });
    for (const value of indicator.values) {
      await recordIndicatorValue(tx, actor, id, {
        localityId: value.locality === undefined ? null : localityIds[value.locality]!,
        date: value.date,
        value: value.value,
        source: value.source,
      });
    }
  }
  await importCrimeData(tx, actor, seed.crimeData);
  return true;
}
