import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
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

/**
 * Like readUpload, but the `file` part goes to a temporary file instead of memory, for imports that
 * stream (GeoJSON): memory stays flat whatever the file's size. The file is deleted when the response
 * has been sent or the client has gone (the multipart plugin's clean-up of `request.tmpUploads`).
 */
export async function readUploadToFile<S extends z.ZodType>(request: FastifyRequest, fieldsSchema: S): Promise<{ filePath: string; fields: z.infer<S> }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const fields: Record<string, string> = {};
  let filePath: string | undefined;
  let size = 0;
  for await (const part of request.parts({ limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 20 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw new AppError('validation_failed', { fields: [{ field: part.fieldname, code: 'unrecognized_key' }] });
      filePath = join(tmpdir(), `saferhood-upload-${randomUUID()}`);
      // Registered before writing, so a failed or abandoned upload is removed too.
      (request.tmpUploads ??= []).push(filePath);
      const target = createWriteStream(filePath, { mode: 0o600 });
      part.file.on('data', (chunk: Buffer) => {
        size += chunk.length;
      });
      await pipeline(part.file, target);
      // Over the limit the plugin ends the stream early and flags it: refuse as readUpload does (413).
      if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  const parsed = fieldsSchema.safeParse(fields, { reportInput: true });
  if (!parsed.success) throw new RequestValidationError(parsed.error.issues);
  if (!filePath || size === 0) throw new AppError('file_required');
  return { filePath, fields: parsed.data };
}
