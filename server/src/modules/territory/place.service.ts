import type { Place } from '@saferhood/contracts';
import type { z } from 'zod';
import type { placeCreateSchema, placeUpdateSchema } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { findPlace, insertPlace, listPlaces, updatePlaceAtVersion, type PlaceRow } from './place.repository';

export { listPlaces };

export function presentPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Place['kind'],
    geometry: JSON.parse(row.geometry),
    localityId: row.localityId,
    externalCode: row.externalCode,
    status: row.status as Place['status'],
    version: row.version,
  };
}

export async function getPlace(tx: TenantTx, id: string): Promise<PlaceRow> {
  const place = await findPlace(tx, id);
  if (!place) throw new AppError('not_found');
  return place;
}

export async function createPlace(tx: TenantTx, actor: Actor, input: z.infer<typeof placeCreateSchema>): Promise<PlaceRow> {
  const id = uuidv7();
  await insertPlace(tx, { id, name: input.name, kind: input.kind, geometry: JSON.stringify(input.geometry), createdBy: actor.userId });
  const place = await getPlace(tx, id);
  await recordAudit(tx, { action: 'place.create', resourceType: 'place', resourceId: id, actorId: actor.userId, after: presentPlace(place) });
  return place;
}

export async function updatePlace(tx: TenantTx, actor: Actor, id: string, input: z.infer<typeof placeUpdateSchema>): Promise<PlaceRow> {
  const before = await getPlace(tx, id);
  const { version, geometry, ...changes } = input;
  const isUpdated = await updatePlaceAtVersion(tx, id, version, { ...changes, ...(geometry ? { geometry: JSON.stringify(geometry) } : {}) });
  if (!isUpdated) throw new AppError('version_conflict');
  const after = await getPlace(tx, id);
  await recordAudit(tx, { action: 'place.update', resourceType: 'place', resourceId: id, actorId: actor.userId, before: presentPlace(before), after: presentPlace(after) });
  return after;
}
