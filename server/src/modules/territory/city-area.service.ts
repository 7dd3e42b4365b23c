import type { AreaGeometry, CityArea } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { checkGeometries, findCityAreaGeoJson, upsertCityArea } from './locality.repository';

export async function getCityArea(tx: TenantTx): Promise<CityArea> {
  const boundary = await findCityAreaGeoJson(tx);
  return { boundary: boundary ? JSON.parse(boundary) : null };
}

/** Sets the city's own area: imports of localities and crime data skip what lies outside it. */
export async function setCityArea(tx: TenantTx, actor: Actor, boundary: AreaGeometry): Promise<CityArea> {
  const text = JSON.stringify(boundary);
  const [check] = await checkGeometries(tx, [text], 4326);
  if (!check?.isParsed || !(check.isValid || check.isRepairable)) throw new AppError('invalid_geometry');
  const before = await getCityArea(tx);
  await upsertCityArea(tx, text, actor.userId);
  const after = await getCityArea(tx);
  await recordAudit(tx, { action: 'city_area.set', resourceType: 'city_area', resourceId: tx.tenantId, actorId: actor.userId, before: before.boundary, after: after.boundary });
  return after;
}
