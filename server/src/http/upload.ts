import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from './app-error';
import { RequestValidationError } from './validation';

/** The largest file an import accepts: police monthly files and city boundaries are tens of MB. */
export const UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * Reads a multipart upload: exactly one `file` part (buffered, up to the limit) and text fields checked
 * against a zod schema, which refuses unknown fields like every other body.
 */
export async function readUpload<S extends z.ZodType>(request: FastifyRequest, fieldsSchema: S): Promise<{ file: Buffer; fields: z.infer<S> }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  for await (const part of request.parts({ limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 20 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw new AppError('validation_failed', { fields: [{ field: part.fieldname, code: 'unrecognized_key' }] });
      file = await part.toBuffer();
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  const parsed = fieldsSchema.safeParse(fields, { reportInput: true });
  if (!parsed.success) throw new RequestValidationError(parsed.error.issues);
  if (!file || file.length === 0) throw new AppError('file_required');
  return { file, fields: parsed.data };
}
