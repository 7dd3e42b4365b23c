import type { AreaGeometry, CityArea } from '@saferhood/contracts';
import { sql } from 'kysely';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { areaForStorage, fromGeoJson } from './geometry.sql';
import { checkAreas } from './locality.repository';

export async function getCityArea(tx: TenantTx): Promise<CityArea> {
  const row = await tx
    .selectFrom('cityAreas')
    .select(sql<string>`ST_AsGeoJSON(boundary, 7)`.as('boundary'))
    .where('tenantId', '=', tx.tenantId)
    .executeTakeFirst();
  return { boundary: row ? JSON.parse(row.boundary) : null };
}

/** Sets the city's own area: imports of localities and crime data skip what lies outside it. */
export async function setCityArea(tx: TenantTx, actor: Actor, boundary: AreaGeometry): Promise<CityArea> {
  const text = JSON.stringify(boundary);
  const [check] = await checkAreas(tx, [text], 4326);
  if (!check?.isParsed || !(check.isValid || check.isRepairable)) throw new AppError('invalid_geometry');
  const before = await getCityArea(tx);
  const stored = areaForStorage(fromGeoJson(text));
  await tx
    .insertInto('cityAreas')
    .values({ tenantId: tx.tenantId, boundary: stored, updatedBy: actor.userId })
    .onConflict((conflict) => conflict.column('tenantId').doUpdateSet({ boundary: stored, updatedAt: new Date(), updatedBy: actor.userId }))
    .execute();
  const after = await getCityArea(tx);
  await recordAudit(tx, { action: 'city_area.set', resourceType: 'city_area', resourceId: tx.tenantId, actorId: actor.userId, before: before.boundary, after: after.boundary });
  return after;
}
