import { loginRequestSchema, passwordChangeSchema, tenantCreateSchema, userCreateSchema } from '@saferhood/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { validateForm } from '../src/lib/form-validation';

// Stands in for i18next: shows which key and values a message was built from.
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

describe('validateForm checks a form with the contracts schema the server uses', () => {
  test('returns the parsed value when the form is valid', () => {
    const result = validateForm(loginRequestSchema, { tenant: ' Demo ', email: 'A@Demo.test', password: 'x' }, t);
    expect(result).toEqual({ ok: true, value: { tenant: 'demo', email: 'a@demo.test', password: 'x' } });
  });

  test('calls an empty text field required, not too short', () => {
    const result = validateForm(loginRequestSchema, { tenant: '', email: '', password: '' }, t);
    expect(result).toEqual({
      ok: false,
      errors: { tenant: 'validation.required', email: 'validation.required', password: 'validation.required' },
    });
  });

  test('says how long a password must be', () => {
    const result = validateForm(passwordChangeSchema, { currentPassword: 'old', newPassword: 'short' }, t);
    expect(result).toEqual({ ok: false, errors: { newPassword: 'validation.too_small {"minimum":12}' } });
  });

  test('names a malformed email and a role outside the list', () => {
    const result = validateForm(userCreateSchema, { email: 'not-an-email', displayName: 'Eva', role: 'king', password: 'long-enough-password' }, t);
    expect(result).toEqual({ ok: false, errors: { email: 'validation.invalid_format', role: 'validation.invalid_value' } });
  });

  test('keys nested fields by their dotted path, as the server does', () => {
    const result = validateForm(
      tenantCreateSchema,
      { slug: 'kapuvar', name: 'Kapuvár', timeZone: 'Mars/Olympus', defaultLanguage: 'hu', currency: 'HUF', admin: { email: 'a@b.test', displayName: 'Kati', password: 'short' } },
      t,
    );
    expect(result).toEqual({ ok: false, errors: { timeZone: 'validation.not_supported', 'admin.password': 'validation.too_small {"minimum":12}' } });
  });
});
