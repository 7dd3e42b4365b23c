import type { ActivityStatement } from '@saferhood/contracts';
import { formatInTimeZone } from 'date-fns-tz';
import { translator } from '../../http/i18n';

const KEYS = [
  'title',
  'month',
  'city',
  'programme',
  'assistant',
  'summary',
  'item',
  'value',
  'shifts',
  'plannedHours',
  'workedHours',
  'records',
  'urgent',
  'referrals',
  'signals',
  'approved',
  'byCategory',
  'byLocality',
  'category',
  'code',
  'locality',
  'count',
  'assistants',
  'name',
  'shiftsNote',
  'signalsNote',
] as const;

export type StatementLabels = Record<(typeof KEYS)[number], string> & {
  language: string;
  /** "listopad 2026", "2026. november", "November 2026". */
  monthName: string;
  /** "Vytvořeno 2026-12-01 08:00" in the city's time zone. */
  generated: string;
  page: (page: number, pages: number) => string;
};

/** The statement's words in one language, from the server catalogues (`statement.*`). */
export function statementLabels(statement: ActivityStatement, language: string, city: { timeZone: string }, now = new Date()): StatementLabels {
  const t = translator(language);
  const [year, month] = statement.month.split('-').map(Number) as [number, number];
  const monthName = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  return {
    ...(Object.fromEntries(KEYS.map((key) => [key, t(`statement.${key}`)])) as Record<(typeof KEYS)[number], string>),
    language,
    monthName,
    generated: t('statement.generated', { at: formatInTimeZone(now, city.timeZone, 'yyyy-MM-dd HH:mm') }),
    page: (page, pages) => t('statement.page', { page, pages }),
  };
}

/** The summary lines every format shows, in one order. */
export function summaryLines(statement: ActivityStatement, labels: StatementLabels): [string, number][] {
  return [
    [labels.shifts, statement.shifts.count],
    [labels.plannedHours, statement.shifts.plannedHours],
    [labels.workedHours, statement.shifts.workedHours],
    [labels.records, statement.records],
    [labels.urgent, statement.urgent],
    [labels.referrals, statement.referrals],
    [labels.signals, statement.signals],
    [labels.approved, statement.approved],
  ];
}
