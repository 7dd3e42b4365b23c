import { fromZonedTime, formatInTimeZone } from 'date-fns-tz';

/**
 * A query bound as instants: a plain date means that whole local day in the city's time zone; a
 * date-time is taken as it is.
 */
export function dayRange(value: string, timeZone: string): { start: Date; end: Date } {
  if (value.includes('T')) {
    const instant = new Date(value);
    return { start: instant, end: instant };
  }
  const start = fromZonedTime(`${value}T00:00:00`, timeZone);
  const next = new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start, end: fromZonedTime(`${next}T00:00:00`, timeZone) };
}

/** The first and the last local day of a month (YYYY-MM) and its bounds as instants. */
export function monthRange(month: string, timeZone: string): { firstDay: string; lastDay: string; start: Date; end: Date } {
  const [year, monthIndex] = month.split('-').map(Number) as [number, number];
  const firstDay = `${month}-01`;
  const lastDay = new Date(Date.UTC(year, monthIndex, 0)).toISOString().slice(0, 10);
  return { firstDay, lastDay, start: dayRange(firstDay, timeZone).start, end: dayRange(lastDay, timeZone).end };
}

/** Today's local date in the city. */
export function localToday(timeZone: string, now = new Date()): string {
  return formatInTimeZone(now, timeZone, 'yyyy-MM-dd');
}
