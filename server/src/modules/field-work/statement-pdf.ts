import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ActivityStatement } from '@saferhood/contracts';
import type pdfmakeModule from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { StatementLabels } from './statement-labels';
import { summaryLines } from './statement-labels';

/**
 * pdfmake's own Roboto (Apache 2.0) has every letter of Czech and Hungarian (ř, ě, ů, ő, ű …): Latin
 * Extended-A. It is read from pdfmake's package; nothing else on disk or on the network may be.
 */
const fontsDir = dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

let pdfmakeLoading: Promise<typeof pdfmakeModule> | undefined;
/** pdfmake is loaded (and set up) for the first PDF, not at every start of the server. */
function loadPdfmake(): Promise<typeof pdfmakeModule> {
  pdfmakeLoading ??= import('pdfmake').then(({ default: pdfmake }) => {
    pdfmake.setFonts({
      Roboto: {
        normal: join(fontsDir, 'Roboto-Regular.ttf'),
        bold: join(fontsDir, 'Roboto-Medium.ttf'),
        italics: join(fontsDir, 'Roboto-Italic.ttf'),
        bolditalics: join(fontsDir, 'Roboto-MediumItalic.ttf'),
      },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => dirname(path) === fontsDir);
    return pdfmake;
  });
  return pdfmakeLoading;
}

export const PDF_TYPE = 'application/pdf';

const header = (...cells: string[]): TableCell[] => cells.map((text) => ({ text, style: 'th' }));

function table(widths: (string | number)[], head: TableCell[], rows: TableCell[][]): Content {
  return { table: { headerRows: 1, widths, body: [head, ...rows] }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 12] };
}

/** The statement as an A4 PDF with the labels in the chosen language. */
export async function statementToPdf(statement: ActivityStatement, labels: StatementLabels, options: { compress?: boolean } = {}): Promise<Buffer> {
  const number = new Intl.NumberFormat(labels.language, { maximumFractionDigits: 2 });
  const right = (value: number): TableCell => ({ text: number.format(value), alignment: 'right' });
  const subject = statement.assistant ? `${labels.assistant}: ${statement.assistant.name}` : labels.programme;

  const content: Content[] = [
    { text: `${labels.title} — ${labels.monthName}`, style: 'title' },
    { text: `${statement.tenantName} · ${subject}`, margin: [0, 0, 0, 14] },
    { text: labels.summary, style: 'h2' },
    table(['*', 90], header(labels.item, labels.value), summaryLines(statement, labels).map(([item, value]) => [item, right(value)])),
    { text: labels.byCategory, style: 'h2' },
    table(['*', 60], header(labels.category, labels.count), statement.byCategory.map((row) => [row.label, right(row.count)])),
    { text: labels.byLocality, style: 'h2' },
    table(['*', 60], header(labels.locality, labels.count), statement.byLocality.map((row) => [row.name, right(row.count)])),
  ];
  if (!statement.assistant) {
    content.push(
      { text: labels.assistants, style: 'h2' },
      table(
        ['*', 55, 90, 60],
        header(labels.name, labels.shifts, labels.workedHours, labels.records),
        statement.assistants.map((row) => [row.name, right(row.shifts), right(row.workedHours), right(row.records)]),
      ),
    );
  }
  content.push({ text: [labels.shiftsNote, ' ', labels.signalsNote], style: 'note' }, { text: labels.generated, style: 'note' });

  const document: TDocumentDefinitions = {
    info: { title: `${labels.title} ${statement.month}`, creator: 'Saferhood', producer: 'Saferhood' },
    language: labels.language,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    compress: options.compress ?? true,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 6, 0, 4] },
      th: { bold: true },
      note: { fontSize: 8, italics: true, color: '#444444', margin: [0, 4, 0, 0] },
    },
    footer: (page, pages) => ({ text: labels.page(page, pages), alignment: 'right', fontSize: 8, margin: [40, 20, 40, 0] }),
    content,
  };
  return (await loadPdfmake()).createPdf(document).getBuffer();
}
