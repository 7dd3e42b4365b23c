import type { LocalityCreate, LocalityUpdate } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import {
  checkGeometries,
  findLocality,
  findLocalityIdAt,
  insertLocality,
  listLocalities,
  listLocalityKindRows,
  listLocalityFeatures,
  updateLocalityAtVersion,
} from './locality.repository';

export { listLocalities, listLocalityFeatures };

export const listLocalityKinds = listLocalityKindRows;

export async function getLocality(tx: TenantTx, id: string) {
  const locality = await findLocality(tx, id);
  if (!locality) throw new AppError('not_found');
  return locality;
}

/** Which active locality is this point in? The one function every module uses to place its records. */
export async function findLocalityAt(tx: TenantTx, point: { lon: number; lat: number }): Promise<string | null> {
  return (await findLocalityIdAt(tx, point.lon, point.lat)) ?? null;
}

/** A drawn or sent area must be a valid polygon, or one that repair turns into one. */
async function assertArea(tx: TenantTx, boundary: string): Promise<void> {
  const [check] = await checkGeometries(tx, [boundary], 4326);
  if (!check?.isParsed || !(check.isValid || check.isRepairable)) throw new AppError('invalid_geometry');
}

async function assertKind(tx: TenantTx, kind: string | undefined): Promise<void> {
  if (kind === undefined) return;
  const kinds = await listLocalityKinds(tx);
  if (!kinds.some((known) => known.code === kind)) {
    throw new AppError('validation_failed', { fields: [{ field: 'kind', code: 'invalid_value' }] });
  }
}

export async function createLocality(tx: TenantTx, actor: Actor, input: LocalityCreate) {
  const boundary = JSON.stringify(input.boundary);
  await assertKind(tx, input.kind);
  await assertArea(tx, boundary);
  const id = uuidv7();
  await insertLocality(tx, {
    id,
    name: input.name,
    kind: input.kind,
    externalCode: input.externalCode ?? null,
    description: input.description ?? null,
    boundary,
    createdBy: actor.userId,
  });
  const after = await getLocality(tx, id);
  await recordAudit(tx, {
    action: 'locality.create',
    resourceType: 'locality',
    resourceId: id,
    actorId: actor.userId,
    after: { name: input.name, kind: input.kind, externalCode: input.externalCode ?? null, boundary: after.boundary },
  });
  return after;
}

/** Changes a locality; archiving is a status change, never a delete, once others refer to it. */
export async function updateLocality(tx: TenantTx, actor: Actor, id: string, input: LocalityUpdate) {
  const before = await getLocality(tx, id);
  const { version, boundary, ...changes } = input;
  await assertKind(tx, changes.kind);
  const boundaryText = boundary ? JSON.stringify(boundary) : undefined;
  if (boundaryText) await assertArea(tx, boundaryText);
  const isUpdated = await updateLocalityAtVersion(tx, id, version, { ...changes, ...(boundaryText ? { boundary: boundaryText } : {}) });
  if (!isUpdated) throw new AppError('version_conflict');
  const after = await getLocality(tx, id);
  await recordAudit(tx, {
    action: after.status !== before.status ? `locality.${after.status === 'archived' ? 'archive' : 'restore'}` : 'locality.update',
    resourceType: 'locality',
    resourceId: id,
    actorId: actor.userId,
    before: snapshot(before, boundaryText !== undefined),
    after: snapshot(after, boundaryText !== undefined),
  });
  return after;
}

function snapshot(row: Awaited<ReturnType<typeof getLocality>>, withBoundary: boolean) {
  return {
    name: row.name,
    kind: row.kind,
    externalCode: row.externalCode,
    description: row.description,
    status: row.status,
    version: row.version,
    ...(withBoundary ? { boundary: JSON.parse(row.boundary) } : {}),
  };
}
