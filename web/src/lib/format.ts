/** Date and time in the tenant's time zone, in the current language's conventions. */
export function formatDateTime(value: string | null, language: string, timeZone: string): string {
  if (!value) return '';
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value));
  } catch {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }
}
