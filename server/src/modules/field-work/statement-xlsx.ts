import type { ActivityStatement } from '@saferhood/contracts';
import type ExcelJS from 'exceljs';

/** exceljs takes a third of a second to load: loaded on the first workbook, not at every start. */
const loadExcelJs = (): Promise<typeof ExcelJS> => import('exceljs').then((module) => module.default);
import type { StatementLabels } from './statement-labels';
import { summaryLines } from './statement-labels';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel refuses sheet names over 31 characters or with []:*?/\. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * The statement as a workbook: a summary sheet, then one sheet per table (by category, by locality,
 * and per assistant in the programme's statement). Numbers are numbers, so the sheet can sum them.
 */
export async function statementToXlsx(statement: ActivityStatement, labels: StatementLabels): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Saferhood';
  workbook.title = `${labels.title} ${statement.month}`;

  const summary = workbook.addWorksheet(sheetName(labels.summary));
  summary.columns = [
    { header: labels.item, key: 'item', width: 48 },
    { header: labels.value, key: 'value', width: 24 },
  ];
  summary.addRows([
    { item: labels.month, value: statement.month },
    { item: labels.city, value: statement.tenantName },
    { item: labels.assistant, value: statement.assistant?.name ?? labels.programme },
  ]);
  for (const [item, value] of summaryLines(statement, labels)) summary.addRow({ item, value });
  summary.addRow({});
  summary.addRow({ item: labels.shiftsNote });
  summary.addRow({ item: labels.signalsNote });
  summary.addRow({ item: labels.generated });

  const categories = workbook.addWorksheet(sheetName(labels.byCategory));
  categories.columns = [
    { header: labels.category, key: 'label', width: 60 },
    { header: labels.code, key: 'code', width: 24 },
    { header: labels.count, key: 'count', width: 10 },
  ];
  categories.addRows(statement.byCategory);

  const localities = workbook.addWorksheet(sheetName(labels.byLocality));
  localities.columns = [
    { header: labels.locality, key: 'name', width: 40 },
    { header: labels.count, key: 'count', width: 10 },
  ];
  localities.addRows(statement.byLocality);

  if (!statement.assistant) {
    const assistants = workbook.addWorksheet(sheetName(labels.assistants));
    assistants.columns = [
      { header: labels.name, key: 'name', width: 36 },
      { header: labels.shifts, key: 'shifts', width: 10 },
      { header: labels.workedHours, key: 'workedHours', width: 20, style: { numFmt: '0.00' } },
      { header: labels.records, key: 'records', width: 10 },
    ];
    assistants.addRows(statement.assistants);
  }

  for (const sheet of workbook.worksheets) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
