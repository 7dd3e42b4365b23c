import type { TFunction } from 'i18next';

/** The parts of a zod issue we turn into a message; the contracts' schemas produce these. */
interface Issue {
  code: string;
  path: PropertyKey[];
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  message: string;
}

type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };

export interface ValidatingSchema<T> {
  safeParse(data: unknown): SafeParseResult<T>;
}

export type FieldMessages = Record<string, string>;

function messageOf(t: TFunction, issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return t(issue.input === undefined ? 'validation.required' : 'validation.invalid_type');
    case 'too_small':
      // An empty text is "required" to a person, not "too short".
      if (issue.input === '' || Number(issue.minimum) === 1) return t('validation.required');
      return t('validation.too_small', { minimum: Number(issue.minimum) });
    case 'too_big':
      return t('validation.too_big', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      return t('validation.invalid_format');
    case 'invalid_value':
      return t('validation.invalid_value');
    case 'custom':
      return t(issue.message === 'not_supported' ? 'validation.not_supported' : 'validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/**
 * Checks a form with the same zod schema the server uses, before sending it. Returns the parsed value,
 * or the first message per field.
 */
export function validateForm<T>(
  schema: ValidatingSchema<T>,
  values: unknown,
  t: TFunction,
): { ok: true; value: T } | { ok: false; errors: FieldMessages } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldMessages = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    errors[field] ??= messageOf(t, issue);
  }
  return { ok: false, errors };
}
