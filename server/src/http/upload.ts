import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
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
  let file: Buffer | undefined;
  const fields = await readParts(request, fieldsSchema, async (part) => {
    file = await part.toBuffer();
    return file.length;
  });
  return { file: file!, fields };
}

/**
 * Like readUpload, but the `file` part goes to a temporary file instead of memory, for imports that
 * stream (GeoJSON): memory stays flat whatever the file's size. The file is deleted when the response
 * has been sent or the client has gone (the multipart plugin's clean-up of `request.tmpUploads`).
 */
export async function readUploadToFile<S extends z.ZodType>(request: FastifyRequest, fieldsSchema: S): Promise<{ filePath: string; fields: z.infer<S> }> {
  let filePath: string | undefined;
  const fields = await readParts(request, fieldsSchema, async (part) => {
    filePath = join(tmpdir(), `saferhood-upload-${randomUUID()}`);
    // Registered before writing, so a failed or abandoned upload is removed too.
    (request.tmpUploads ??= []).push(filePath);
    let size = 0;
    part.file.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    await pipeline(part.file, createWriteStream(filePath, { mode: 0o600 }));
    // Over the limit the plugin ends the stream early and flags it: refuse as readUpload does (413).
    if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
    return size;
  });
  return { filePath: filePath!, fields };
}

/** The parts loop both readers share: one `file` part handed to `takeFile` (which answers its size), fields checked. */
async function readParts<S extends z.ZodType>(
  request: FastifyRequest,
  fieldsSchema: S,
  takeFile: (part: MultipartFile) => Promise<number>,
): Promise<z.infer<S>> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const fields: Record<string, string> = {};
  let fileSize = 0;
  try {
    for await (const part of request.parts({ limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 20 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new AppError('validation_failed', { fields: [{ field: part.fieldname, code: 'unrecognized_key' }] });
        fileSize = await takeFile(part);
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    throw isCallersMultipartFault(error) ? new AppError('malformed_multipart') : error;
  }
  const parsed = fieldsSchema.safeParse(fields, { reportInput: true });
  if (!parsed.success) throw new RequestValidationError(parsed.error.issues);
  if (fileSize === 0) throw new AppError('file_required');
  return parsed.data;
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
