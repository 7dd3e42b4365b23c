/** Date and time in the tenant's time zone, in the current language's conventions. */
export function formatDateTime(value: string | null, language: string, timeZone: string): string {
  if (!value) return '';
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value));
  } catch {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }
}

/** A calendar date (YYYY-MM-DD) as people write it: "31. 12. 2025", "2025. 12. 31.". No time zone moves it. */
export function formatDate(value: string, language: string): string {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A number in the language's conventions ("1 748", "10 020,5"). Exact decimals come as text. */
export function formatNumber(value: number | string, language: string, maximumFractionDigits = 4): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(Number(value));
}
