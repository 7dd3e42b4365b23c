import { parse } from 'csv-parse/sync';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { type ImportGuard, UNGUARDED } from '../../http/import-guard';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { insertOffences, type OffenceInput } from './crime-data.repository';
import type { ImportIssue } from './import-localities';

const BATCH_SIZE = 5_000;

export interface CrimeImportOutcome {
  imported: number;
  duplicates: number;
  outsideArea: number;
  invalid: ImportIssue[];
}

/**
 * Imports a month (or any slice) of the Czech Police open crime data, CSV or GeoJSON
 * (../shared/data/README.md). Idempotent by the police `id`; offences outside the city's area are
 * counted and skipped; each offence is placed in its locality. Invalid rows are reported by number.
 */
export async function importCrimeData(tx: TenantTx, actor: Actor, file: Buffer, guard: ImportGuard = UNGUARDED): Promise<CrimeImportOutcome> {
  const records = readRecords(file);
  guard.assertRows(records.length);
  const invalid: ImportIssue[] = [];
  const offences: OffenceInput[] = [];
  records.forEach((record, index) => {
    const parsed = toOffence(record);
    if ('column' in parsed) invalid.push({ index, code: 'invalid_column', params: { column: parsed.column } });
    else offences.push(parsed);
  });
  let inside = 0;
  let imported = 0;
  for (let start = 0; start < offences.length; start += BATCH_SIZE) {
    await guard.checkpoint();
    const result = await insertOffences(tx, offences.slice(start, start + BATCH_SIZE));
    inside += result.inside;
    imported += result.inserted;
  }
  const outcome = { imported, duplicates: inside - imported, outsideArea: offences.length - inside, invalid };
  await recordAudit(tx, {
    action: 'crime_data.import',
    resourceType: 'crime_data',
    resourceId: null,
    actorId: actor.userId,
    after: { rows: records.length, imported, duplicates: outcome.duplicates, outsideArea: outcome.outsideArea, invalid: invalid.length },
  });
  return outcome;
}

type RawRecord = Record<string, unknown>;

/** CSV rows or GeoJSON feature properties (with coordinates as x/y), one shape for both formats. */
function readRecords(file: Buffer): RawRecord[] {
  const text = file.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(text)) {
    let json: { type?: unknown; features?: unknown };
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('import_unreadable');
    }
    if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new AppError('import_unreadable');
    return json.features.map((feature: { geometry?: { type?: string; coordinates?: unknown[] }; properties?: RawRecord }) => {
      const coordinates = feature?.geometry?.type === 'Point' ? feature.geometry.coordinates : undefined;
      return { ...(feature?.properties ?? {}), x: coordinates?.[0], y: coordinates?.[1] };
    });
  }
  try {
    const rows: RawRecord[] = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    if (rows.length > 0 && !('id' in rows[0]!)) throw new AppError('import_unreadable');
    return rows;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('import_unreadable');
  }
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?([+-]\d{2}(:?\d{2})?|Z)?$/;

function toOffence(record: RawRecord): OffenceInput | { column: string } {
  const id = String(record.id ?? '');
  if (!/^\d{1,18}$/.test(id)) return { column: 'id' };
  // Derived copies name the coordinates longitude/latitude (README); both are accepted.
  const lon = Number(record.x ?? record.longitude);
  const lat = Number(record.y ?? record.latitude);
  if (!Number.isFinite(lon) || lon < -180 || lon > 180 || record.x === '' ) return { column: 'x' };
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) return { column: 'y' };
  const date = String(record.date ?? '');
  if (!DATE_TIME.test(date) || Number.isNaN(Date.parse(date.replace(' ', 'T')))) return { column: 'date' };
  const state = Number(record.state);
  if (!Number.isInteger(state) || state < 1 || state > 4) return { column: 'state' };
  const relevance = Number(record.relevance);
  if (!Number.isInteger(relevance) || relevance < 1 || relevance > 6) return { column: 'relevance' };
  const types = Array.isArray(record.types) ? record.types.map(String) : String(record.types ?? '').split(',');
  const codes = types.map((code) => code.trim()).filter(Boolean);
  if (codes.length === 0 || !codes.every((code) => /^\d{1,6}$/.test(code))) return { column: 'types' };
  const mp = String(record.mp ?? 'False').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(mp)) return { column: 'mp' };
  return {
    id,
    occurredAt: date.replace(' ', 'T'),
    lon,
    lat,
    mp: mp === 'true' || mp === '1',
    state,
    relevance,
    types: codes.join(','),
  };
}
