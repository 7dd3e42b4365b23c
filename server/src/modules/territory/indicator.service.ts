import { indicatorValueCreateSchema, type Indicator, type IndicatorValue, type IndicatorValueCreate } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { ImportGuard } from '../../http/import-guard';
import { recordAudit } from '../audit/index';
import { CITY_LABELS } from './indicator-table';
import {
  findIndicatorValue,
  hasIndicator,
  insertIndicator,
  listIndicatorRows,
  listIndicatorValueRows,
  listLocalityNames,
  listLocalityValueRows,
  upsertIndicatorValue,
  upsertIndicatorValues,
} from './indicator.repository';

/** Values written per statement in an import. */
const VALUE_CHUNK = 1_000;

export const listIndicators = listIndicatorRows;

export async function createIndicator(tx: TenantTx, actor: Actor, input: { name: string; unit: string; description?: string | undefined }): Promise<Indicator> {
  const indicator = await insertIndicator(tx, {
    id: uuidv7(),
    name: input.name,
    unit: input.unit,
    description: input.description ?? null,
    createdBy: actor.userId,
  });
  await recordAudit(tx, { action: 'indicator.create', resourceType: 'indicator', resourceId: indicator.id, actorId: actor.userId, after: indicator });
  return indicator;
}

async function assertIndicator(tx: TenantTx, id: string): Promise<void> {
  if (!(await hasIndicator(tx, id))) throw new AppError('not_found');
}

/**
 * Records a value of an indicator at a date, for a locality or the whole city. A second value for the
 * same indicator, place and date replaces the first (a correction), and the audit keeps both.
 */
export async function recordIndicatorValue(tx: TenantTx, actor: Actor, indicatorId: string, input: IndicatorValueCreate): Promise<IndicatorValue> {
  await assertIndicator(tx, indicatorId);
  const localityId = input.localityId ?? null;
  const previous = await findIndicatorValue(tx, { indicatorId, localityId, date: input.date });
  const value = await upsertIndicatorValue(tx, {
    id: uuidv7(),
    indicatorId,
    localityId,
    date: input.date,
    value: input.value,
    source: input.source ?? null,
    createdBy: actor.userId,
  });
  await recordAudit(tx, {
    action: previous ? 'indicator_value.correct' : 'indicator_value.record',
    resourceType: 'indicator_value',
    resourceId: value.id,
    actorId: actor.userId,
    before: previous ?? null,
    after: value,
  });
  return value;
}

export async function listIndicatorValues(tx: TenantTx, indicatorId: string, filter: { localityId?: string | undefined }): Promise<IndicatorValue[]> {
  await assertIndicator(tx, indicatorId);
  return listIndicatorValueRows(tx, indicatorId, filter.localityId);
}

/** Every indicator with its values for one locality, oldest first: the locality page's chart. */
export async function listLocalitySeries(tx: TenantTx, localityId: string) {
  const indicators = await listIndicators(tx);
  const rows = await listLocalityValueRows(tx, localityId);
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
export async function importIndicatorValues(
  tx: TenantTx,
  actor: Actor,
  indicatorId: string,
  rows: Record<string, string>[],
  guard: ImportGuard,
): Promise<ValueImportOutcome> {
  guard.assertRows(rows.length);
  await assertIndicator(tx, indicatorId);
  const localities = await listLocalityNames(tx);
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
  // A later row for the same place and date corrects an earlier one, as two single records would.
  const latestByPlaceAndDate = new Map(parsed.map((row) => [`${row.localityId ?? ''}|${row.date}`, row]));
  const unique = [...latestByPlaceAndDate.values()];
  let created = 0;
  for (let start = 0; start < unique.length; start += VALUE_CHUNK) {
    await guard.checkpoint();
    created += await upsertIndicatorValues(
      tx,
      unique.slice(start, start + VALUE_CHUNK).map((row) => ({ ...row, id: uuidv7(), source: row.source ?? null, indicatorId, createdBy: actor.userId })),
    );
  }
  // One audit entry for the import, with its counts (one per row held the city's audit chain for minutes).
  await recordAudit(tx, {
    action: 'indicator.import_values',
    resourceType: 'indicator',
    resourceId: indicatorId,
    actorId: actor.userId,
    after: { rows: rows.length, recorded: unique.length, created, corrected: unique.length - created },
  });
  return { recorded: parsed.length, invalid };
}

export async function localityNames(tx: TenantTx): Promise<Map<string, string>> {
  return new Map((await listLocalityNames(tx)).map((row) => [row.id, row.name]));
}
