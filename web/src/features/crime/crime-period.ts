/** A closed range of days, as the crime API takes it (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-07" → 1–31 July 2026. */
export function periodOfMonth(month: string): Period {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(lastDay)}` };
}

/** The month `count - 1` months before `month` up to `month`: a trend window. */
export function periodOfMonthsEndingAt(month: string, count: number): Period {
  return { from: `${shiftMonth(month, -(count - 1))}-01`, to: periodOfMonth(month).to };
}

export function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNumber - 1 + by, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

/** Every month from `first` to `last`, oldest first. */
export function listMonths(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** "červenec 2026", "2026. július", "July 2026". */
export function formatMonth(month: string, language: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** "7/2026"-style short label for chart axes. */
export function formatMonthShort(month: string, language: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}
