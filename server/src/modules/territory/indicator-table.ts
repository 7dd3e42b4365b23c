import type ExcelJS from 'exceljs';

/** exceljs takes a third of a second to load: loaded on the first workbook, not at every start. */
const loadExcelJs = (): Promise<typeof ExcelJS> => import('exceljs').then((module) => module.default);
import { parse } from 'csv-parse/sync';
import type { IndicatorValue } from '@saferhood/contracts';
import { AppError } from '../../http/app-error';
import { inEveryLanguage } from '../../http/i18n';

export type TableRow = Record<string, string>;

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a zip: .xlsx

/** Reads the first sheet of an XLSX workbook or a CSV file into rows keyed by the (lower-cased) header. */
export async function readTable(file: Buffer): Promise<TableRow[]> {
  if (file.subarray(0, 4).equals(XLSX_MAGIC)) return readXlsx(file);
  try {
    const rows: Record<string, string>[] = parse(file.toString('utf8'), { columns: (header: string[]) => header.map(normalise), skip_empty_lines: true, trim: true, bom: true });
    return rows;
  } catch {
    throw new AppError('import_unreadable');
  }
}

async function readXlsx(file: Buffer): Promise<TableRow[]> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('import_unreadable');
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => (header[column] = normalise(cell.text)));
  const rows: TableRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const record: TableRow = {};
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const key = header[column];
      if (!key) return;
      // Dates typed into Excel arrive as Date cells; numbers as numbers. Both become text here.
      record[key] = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text.trim();
    });
    if (Object.values(record).some((value) => value !== '')) rows.push(record);
  });
  return rows;
}

/** Column headers as keys: our own exported headers, in any language, read back as the import's names. */
const HEADER_KEYS = new Map<string, string>(
  (['date', 'locality', 'value', 'source'] as const).flatMap((key) =>
    inEveryLanguage(`export.indicatorValues.${key}`).map((label) => [label.trim().toLowerCase(), key] as const),
  ),
);

const normalise = (header: string) => {
  const lower = header.trim().toLowerCase();
  return HEADER_KEYS.get(lower) ?? lower;
};

/** The "whole city" label of an export, in any language, means no locality. */
export const CITY_LABELS = new Set(inEveryLanguage('export.indicatorValues.city').map((label) => label.toLowerCase()));

/** The values as an XLSX workbook, with headers in the caller's language. */
export async function valuesToXlsx(
  values: IndicatorValue[],
  labels: { sheet: string; date: string; locality: string; value: string; source: string; city: string },
  localityNames: Map<string, string>,
): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  const sheet = workbook.addWorksheet(labels.sheet.slice(0, 31));
  sheet.columns = [
    { header: labels.date, key: 'date', width: 12 },
    { header: labels.locality, key: 'locality', width: 32 },
    { header: labels.value, key: 'value', width: 14 },
    { header: labels.source, key: 'source', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const value of values) {
    sheet.addRow({
      date: value.date,
      locality: value.localityId ? (localityNames.get(value.localityId) ?? value.localityId) : labels.city,
      value: Number(value.value),
      source: value.source ?? '',
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
