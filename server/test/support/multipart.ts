import type { FastifyInstance } from 'fastify';
import { as, type Session } from './factories';

/** Posts a multipart upload (one `file` part plus text fields), as the browser's FormData would. */
export function upload(
  app: FastifyInstance,
  session: Session,
  url: string,
  file: Buffer | string,
  fields: Record<string, string> = {},
  filename = 'upload.dat',
) {
  const boundary = '----saferhood-test';
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const body = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(file) ? file : Buffer.from(file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url,
    headers: as(session, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en' }),
    payload: body,
  });
}
