import type { Indicator, IndicatorValue } from '@saferhood/contracts';
import { sql } from 'kysely';
import type { TenantTx } from '../../db/scope';

/** Dates as ISO text and values as exact decimal text: neither a time zone nor a float gets a say. */
const valueColumns = sql`id, indicator_id AS "indicatorId", locality_id AS "localityId", to_char(on_date, 'YYYY-MM-DD') AS date,
  trim_scale(value)::text AS value, source`;

const indicatorColumns = ['id', 'name', 'unit', 'description', 'version'] as const;

export async function listIndicatorRows(tx: TenantTx): Promise<Indicator[]> {
  return tx.selectFrom('indicators').select(indicatorColumns).where('tenantId', '=', tx.tenantId).orderBy('name').execute();
}

export async function insertIndicator(
  tx: TenantTx,
  indicator: { id: string; name: string; unit: string; description: string | null; createdBy: string },
): Promise<Indicator> {
  return tx.insertInto('indicators').values({ tenantId: tx.tenantId, ...indicator }).returning(indicatorColumns).executeTakeFirstOrThrow();
}

export async function hasIndicator(tx: TenantTx, id: string): Promise<boolean> {
  const found = await tx.selectFrom('indicators').select('id').where('tenantId', '=', tx.tenantId).where('id', '=', id).executeTakeFirst();
  return found !== undefined;
}

export async function findIndicatorValue(tx: TenantTx, key: { indicatorId: string; localityId: string | null; date: string }): Promise<IndicatorValue | undefined> {
  const { rows } = await sql<IndicatorValue>`
    SELECT ${valueColumns} FROM indicator_values
     WHERE tenant_id = ${tx.tenantId} AND indicator_id = ${key.indicatorId}
       AND locality_id IS NOT DISTINCT FROM ${key.localityId} AND on_date = ${key.date}::date`.execute(tx);
  return rows[0];
}

/** Inserts a value, or replaces the one for the same indicator, place and date. */
export async function upsertIndicatorValue(
  tx: TenantTx,
  value: { id: string; indicatorId: string; localityId: string | null; date: string; value: string; source: string | null; createdBy: string },
): Promise<IndicatorValue> {
  const { rows } = await sql<IndicatorValue>`
    INSERT INTO indicator_values (tenant_id, id, indicator_id, locality_id, on_date, value, source, created_by)
    VALUES (${tx.tenantId}, ${value.id}, ${value.indicatorId}, ${value.localityId}, ${value.date}::date, ${value.value}::numeric,
            ${value.source}, ${value.createdBy})
    ON CONFLICT (tenant_id, indicator_id, locality_id, on_date)
    DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, created_by = EXCLUDED.created_by, created_at = now()
    RETURNING ${valueColumns}`.execute(tx);
  return rows[0]!;
}

/**
 * Inserts many values in one statement, replacing those for the same indicator, place and date (the
 * rows must not repeat a place and date). Returns how many were new.
 */
export async function upsertIndicatorValues(
  tx: TenantTx,
  values: { id: string; indicatorId: string; localityId: string | null; date: string; value: string; source: string | null; createdBy: string }[],
): Promise<number> {
  if (values.length === 0) return 0;
  const { rows } = await sql<{ created: number }>`
    WITH written AS (
      INSERT INTO indicator_values (tenant_id, id, indicator_id, locality_id, on_date, value, source, created_by)
      SELECT ${tx.tenantId}, v.id, v.indicator_id, v.locality_id, v.on_date, v.value, v.source, v.created_by
        FROM jsonb_to_recordset(${JSON.stringify(
          values.map((value) => ({
            id: value.id,
            indicator_id: value.indicatorId,
            locality_id: value.localityId,
            on_date: value.date,
            value: value.value,
            source: value.source,
            created_by: value.createdBy,
          })),
        )}::jsonb) AS v(id uuid, indicator_id uuid, locality_id uuid, on_date date, value numeric, source text, created_by uuid)
      ON CONFLICT (tenant_id, indicator_id, locality_id, on_date)
      DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, created_by = EXCLUDED.created_by, created_at = now()
      RETURNING (xmax = 0) AS is_new
    )
    SELECT count(*) FILTER (WHERE is_new)::int AS created FROM written`.execute(tx);
  return rows[0]?.created ?? 0;
}

/** Values of one indicator; `localityId` 'city' for whole-city values only. */
export async function listIndicatorValueRows(tx: TenantTx, indicatorId: string, localityId?: string): Promise<IndicatorValue[]> {
  const where = localityId === undefined ? sql`` : localityId === 'city' ? sql`AND locality_id IS NULL` : sql`AND locality_id = ${localityId}`;
  const { rows } = await sql<IndicatorValue>`
    SELECT ${valueColumns} FROM indicator_values
     WHERE tenant_id = ${tx.tenantId} AND indicator_id = ${indicatorId} ${where}
     ORDER BY on_date, locality_id NULLS FIRST`.execute(tx);
  return rows;
}

export async function listLocalityValueRows(tx: TenantTx, localityId: string): Promise<IndicatorValue[]> {
  const { rows } = await sql<IndicatorValue>`
    SELECT ${valueColumns} FROM indicator_values
     WHERE tenant_id = ${tx.tenantId} AND locality_id = ${localityId} ORDER BY on_date`.execute(tx);
  return rows;
}

/** Every locality's id, name and code: how table imports name localities and exports show them. */
export async function listLocalityNames(tx: TenantTx) {
  return tx.selectFrom('localities').select(['id', 'name', 'externalCode']).where('tenantId', '=', tx.tenantId).execute();
}
