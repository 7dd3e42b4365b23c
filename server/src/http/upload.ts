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
  try {
    for await (const part of request.parts({ limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 20 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new AppError('validation_failed', { fields: [{ field: part.fieldname, code: 'unrecognized_key' }] });
        file = await part.toBuffer();
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    throw isCallersMultipartFault(error) ? new AppError('malformed_multipart') : error;
  }
  const parsed = fieldsSchema.safeParse(fields, { reportInput: true });
  if (!parsed.success) throw new RequestValidationError(parsed.error.issues);
  if (!file || file.length === 0) throw new AppError('file_required');
  return { file, fields: parsed.data };
}

/**
 * A body that is truncated, empty or not multipart at all makes the parser (busboy) throw plain
 * errors ("Unexpected end of form", "Malformed part header", "Boundary not found"): the caller's fault,
 * 400. Our own refusals and the size limits (413, mapped by their codes) pass through.
 */
function isCallersMultipartFault(error: unknown): boolean {
  if (error instanceof AppError || error instanceof RequestValidationError) return false;
  const code = (error as { code?: unknown } | undefined)?.code;
  return !(typeof code === 'string' && /^FST_/.test(code) && /LIMIT|TOO_LARGE/.test(code));
}
