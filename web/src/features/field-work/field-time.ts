/** Calendar arithmetic on plain dates (YYYY-MM-DD), done in UTC so no time zone moves a day. */

const pad = (value: number) => String(value).padStart(2, '0');

export function toIsoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function parse(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(date: string, days: number): string {
  const value = parse(date);
  value.setUTCDate(value.getUTCDate() + days);
  return toIsoDate(value);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((parse(date).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the week holding `date`. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven days from `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** Today's date in the city's time zone (the office may be anywhere; shifts are the city's days). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return toIsoDate(now);
  }
}

/** The dates a series would plan: `weekdays` between `from` and `to`, less the skipped ones. */
export function expandSeriesDates(from: string, to: string, weekdays: readonly number[], skipDates: readonly string[]): string[] {
  if (!from || !to || from > to) return [];
  const skipped = new Set(skipDates);
  const dates: string[] = [];
  for (let date = from; date <= to && dates.length <= 400; date = addDays(date, 1)) {
    if (weekdays.includes(isoWeekday(date)) && !skipped.has(date)) dates.push(date);
  }
  return dates;
}

/** "Po 3. 8.", "H 08. 03.", "Mon, Aug 3": a day heading in a week. */
export function formatDayShort(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(parse(date));
}

/** "pondělí 3. srpna": a day heading on a phone. */
export function formatDayLong(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(parse(date));
}

/** A weekday's name (1 = Monday) in the language. */
export function weekdayName(weekday: number, language: string, width: 'short' | 'long' = 'short'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(parse(addDays('2024-01-01', weekday - 1)));
}

/** Time of day of an instant, in the city's time zone. */
export function formatTime(value: string, language: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone }).format(new Date(value));
  } catch {
    return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(value));
  }
}

/** "2026-07" moved by `by` months. */
export function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNumber - 1 + by, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

/** Every month from `first` to `last`, oldest first. */
export function listMonths(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last && months.length < 120; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** The first and last day of a range of months (YYYY-MM-DD), as the summary takes it. */
export function periodOfMonths(first: string, last: string): { from: string; to: string } {
  const [year, monthNumber] = last.split('-').map(Number) as [number, number];
  return { from: `${first}-01`, to: toIsoDate(new Date(Date.UTC(year, monthNumber, 0))) };
}

/** "červenec 2026", "2026. július", "July 2026". */
export function formatMonth(month: string, language: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

export function formatMonthShort(month: string, language: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}
