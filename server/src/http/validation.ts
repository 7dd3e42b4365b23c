import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { FieldIssue } from './app-error';

/** A request part (body, query, params) failed its zod schema. Carries zod's issues, never the input back. */
export class RequestValidationError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('request validation failed');
    this.name = 'RequestValidationError';
  }
}

/** Validates with the route's zod schema, so the same schema types the handler and writes the OpenAPI. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues) };
  };

/** Turns zod issues into our field errors: one closed set of codes, each with a translated message. */
export function issuesToFields(issues: z.core.$ZodIssue[]): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] => {
    const field = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ field: field ? `${field}.${key}` : key, code: 'unrecognized_key' }));
      case 'invalid_type':
        return [{ field, code: issue.input === undefined ? 'required' : 'invalid_type' }];
      case 'too_small':
        return [{ field, code: 'too_small', params: { minimum: Number(issue.minimum) } }];
      case 'too_big':
        return [{ field, code: 'too_big', params: { maximum: Number(issue.maximum) } }];
      case 'invalid_format':
        return [{ field, code: 'invalid_format' }];
      case 'invalid_value':
        return [{ field, code: 'invalid_value' }];
      case 'custom':
        return [{ field, code: issue.message === 'not_supported' ? 'not_supported' : 'invalid' }];
      default:
        return [{ field, code: 'invalid' }];
    }
  });
}
