import { indicatorValueCreateSchema, type Indicator, type IndicatorValue, type IndicatorValueCreate } from '@saferhood/contracts';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { CITY_LABELS } from './indicator-table';

/** Dates as ISO text and values as exact decimal text: neither a time zone nor a float gets a say. */
const valueColumns = sql`id, indicator_id AS "indicatorId", locality_id AS "localityId", to_char(on_date, 'YYYY-MM-DD') AS date,
  trim_scale(value)::text AS value, source`;

export async function listIndicators(tx: TenantTx): Promise<Indicator[]> {
  return tx.selectFrom('indicators').select(['id', 'name', 'unit', 'description', 'version']).where('tenantId', '=', tx.tenantId).orderBy('name').execute();
}

export async function createIndicator(tx: TenantTx, actor: Actor, input: { name: string; unit: string; description?: string | undefined }): Promise<Indicator> {
  const indicator = await tx
    .insertInto('indicators')
    .values({ tenantId: tx.tenantId, id: uuidv7(), name: input.name, unit: input.unit, description: input.description ?? null, createdBy: actor.userId })
    .returning(['id', 'name', 'unit', 'description', 'version'])
    .executeTakeFirstOrThrow();
  await recordAudit(tx, { action: 'indicator.create', resourceType: 'indicator', resourceId: indicator.id, actorId: actor.userId, after: indicator });
  return indicator;
}

async function assertIndicator(tx: TenantTx, id: string): Promise<void> {
  const found = await tx.selectFrom('indicators').select('id').where('tenantId', '=', tx.tenantId).where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('not_found');
}

/**
 * Records a value of an indicator at a date, for a locality or the whole city. A second value for the
 * same indicator, place and date replaces the first (a correction), and the audit keeps both.
 */
export async function recordIndicatorValue(tx: TenantTx, actor: Actor, indicatorId: string, input: IndicatorValueCreate): Promise<IndicatorValue> {
  await assertIndicator(tx, indicatorId);
  const localityId = input.localityId ?? null;
  const { rows: previous } = await sql<IndicatorValue>`
    SELECT ${valueColumns} FROM indicator_values
     WHERE tenant_id = ${tx.tenantId} AND indicator_id = ${indicatorId} AND locality_id IS NOT DISTINCT FROM ${localityId} AND on_date = ${input.date}::date`.execute(tx);
  const { rows } = await sql<IndicatorValue>`
    INSERT INTO indicator_values (tenant_id, id, indicator_id, locality_id, on_date, value, source, created_by)
    VALUES (${tx.tenantId}, ${uuidv7()}, ${indicatorId}, ${localityId}, ${input.date}::date, ${input.value}::numeric, ${input.source ?? null}, ${actor.userId})
    ON CONFLICT (tenant_id, indicator_id, locality_id, on_date)
    DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, created_by = EXCLUDED.created_by, created_at = now()
    RETURNING ${valueColumns}`.execute(tx);
  const value = rows[0]!;
  await recordAudit(tx, {
    action: previous[0] ? 'indicator_value.correct' : 'indicator_value.record',
    resourceType: 'indicator_value',
    resourceId: value.id,
    actorId: actor.userId,
    before: previous[0] ?? null,
    after: value,
  });
  return value;
}

export async function listIndicatorValues(tx: TenantTx, indicatorId: string, filter: { localityId?: string | undefined }): Promise<IndicatorValue[]> {
  await assertIndicator(tx, indicatorId);
  const where =
    filter.localityId === undefined ? sql`` : filter.localityId === 'city' ? sql`AND locality_id IS NULL` : sql`AND locality_id = ${filter.localityId}`;
  const { rows } = await sql<IndicatorValue>`
    SELECT ${valueColumns} FROM indicator_values
     WHERE tenant_id = ${tx.tenantId} AND indicator_id = ${indicatorId} ${where}
     ORDER BY on_date, locality_id NULLS FIRST`.execute(tx);
  return rows;
}

/** Every indicator with its values for one locality, oldest first: the locality page's chart. */
export async function listLocalitySeries(tx: TenantTx, localityId: string) {
  const indicators = await listIndicators(tx);
  const { rows } = await sql<IndicatorValue>`
    SELECT ${valueColumns} FROM indicator_values
     WHERE tenant_id = ${tx.tenantId} AND locality_id = ${localityId} ORDER BY on_date`.execute(tx);
  return {
    items: indicators
      .map((indicator) => ({ indicator, values: rows.filter((row) => row.indicatorId === indicator.id) }))
      .filter((series) => series.values.length > 0),
  };
}

/** CSV of values (UTF-8 with BOM so spreadsheet programs read Czech and Hungarian letters right). */
export function valuesToCsv(values: IndicatorValue[]): string {
  const quote = (text: string | null) => (text === null ? '' : /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = values.map((v) => [v.date, v.localityId ?? '', v.value, quote(v.source)].join(','));
  return `\uFEFFdate,localityId,value,source\n${lines.join('\n')}\n`;
}

export interface ValueImportOutcome {
  recorded: number;
  invalid: { index: number; code: 'invalid_column'; params: { column: string } }[];
}

/**
 * Records many values from a table (CSV or XLSX) with the columns date, locality, value, source.
 * `locality` is a locality's code or name, empty (or the export's "whole city") for the whole city. All or nothing: one invalid row
 * refuses the whole table, listing every invalid row.
 */
export async function importIndicatorValues(tx: TenantTx, actor: Actor, indicatorId: string, rows: Record<string, string>[]): Promise<ValueImportOutcome> {
  await assertIndicator(tx, indicatorId);
  const localities = await tx.selectFrom('localities').select(['id', 'name', 'externalCode']).where('tenantId', '=', tx.tenantId).execute();
  const byKey = new Map<string, string>();
  for (const locality of localities) {
    byKey.set(locality.name.toLowerCase(), locality.id);
    if (locality.externalCode) byKey.set(locality.externalCode.toLowerCase(), locality.id);
  }
  const invalid: ValueImportOutcome['invalid'] = [];
  const parsed = rows.map((row, index) => {
    const issue = (column: string) => invalid.push({ index, code: 'invalid_column', params: { column } });
    const date = row.date ?? '';
    const locality = (row.locality ?? '').trim();
    const value = (row.value ?? '').replace(/\s/g, '').replace(',', '.');
    const localityId = locality === '' || CITY_LABELS.has(locality.toLowerCase()) ? null : byKey.get(locality.toLowerCase());
    if (!indicatorValueCreateSchema.shape.date.safeParse(date).success) issue('date');
    else if (localityId === undefined) issue('locality');
    else if (!/^-?\d{1,14}(\.\d{1,4})?$/.test(value)) issue('value');
    else if ((row.source ?? '').length > 500) issue('source');
    return { date, localityId: localityId ?? null, value, source: row.source?.trim() || undefined };
  });
  if (invalid.length > 0) {
    throw new AppError('import_has_invalid_rows', {
      fields: invalid.map(({ index, code, params }) => ({ field: `rows.${index}`, code, params })),
    });
  }
  for (const row of parsed) await recordIndicatorValue(tx, actor, indicatorId, row);
  return { recorded: parsed.length, invalid };
}

export async function localityNames(tx: TenantTx): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('localities').select(['id', 'name']).where('tenantId', '=', tx.tenantId).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
