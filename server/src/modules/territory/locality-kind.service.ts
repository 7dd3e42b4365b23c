import type { LocalityKind } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { presentLocalityKind } from './locality.presenter';
import { insertLocalityKind, updateLocalityKind } from './locality.repository';
import { listLocalityKinds } from './locality.service';

export async function listKinds(tx: TenantTx): Promise<LocalityKind[]> {
  return (await listLocalityKinds(tx)).map(presentLocalityKind);
}

/** A city adds a kind of locality to its code list (codes are permanent; labels and colour change). */
export async function createKind(tx: TenantTx, actor: Actor, input: LocalityKind): Promise<LocalityKind> {
  const exists = (await listLocalityKinds(tx)).some((kind) => kind.code === input.code);
  if (exists) throw new AppError('validation_failed', { fields: [{ field: 'code', code: 'duplicate_code', params: { code: input.code } }] });
  await insertLocalityKind(tx, input);
  await recordAudit(tx, { action: 'locality_kind.create', resourceType: 'locality_kind', resourceId: input.code, actorId: actor.userId, after: input });
  return input;
}

export async function updateKind(tx: TenantTx, actor: Actor, code: string, input: { labels?: Record<string, string> | undefined; color?: string | undefined }): Promise<LocalityKind> {
  const before = (await listKinds(tx)).find((kind) => kind.code === code);
  if (!before) throw new AppError('not_found');
  await updateLocalityKind(tx, code, {
    ...(input.labels ? { labels: { ...before.labels, ...input.labels } } : {}),
    ...(input.color ? { color: input.color } : {}),
  });
  const after = (await listKinds(tx)).find((kind) => kind.code === code)!;
  await recordAudit(tx, { action: 'locality_kind.update', resourceType: 'locality_kind', resourceId: code, actorId: actor.userId, before, after });
  return after;
}
