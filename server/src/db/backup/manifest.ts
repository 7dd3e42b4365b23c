import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DatabaseKind } from '../database';

/**
 * A backup is a folder: `manifest.json` and one payload file (the embedded data folder as a gzipped
 * tarball, or PostgreSQL's `pg_dump` custom format). The manifest says what the payload must be, so a
 * restore can refuse a truncated or corrupted backup before it touches anything, and can check the
 * restored database against it afterwards.
 */
export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'saferhood-backup';
export const BACKUP_FORMAT_VERSION = 1;

const tableCensusSchema = z.strictObject({ rows: z.number().int().min(0), checksum: z.string().regex(/^-?\d+$/) });

export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  kind: z.enum(['embedded', 'postgres']),
  /** The server version the backup was taken from (`SHOW server_version`). */
  serverVersion: z.string(),
  payload: z.strictObject({
    file: z.string().regex(/^[a-z0-9.-]+$/),
    bytes: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  migrations: z.array(z.string()),
  tables: z.record(z.string(), tableCensusSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Why a backup cannot be restored; the message is for the person running the restore. */
export class BackupRefused extends Error {
  override readonly name = 'BackupRefused';
}

export const payloadFileOf = (kind: DatabaseKind) => (kind === 'embedded' ? 'data-dir.tar.gz' : 'database.pgdump');

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads a backup's manifest and checks its payload (size, then SHA-256) without touching any database.
 * Throws BackupRefused naming what is wrong.
 */
export async function checkBackup(backupDir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(backupDir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupRefused(`${backupDir} is not a backup: it has no ${MANIFEST_FILE}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupRefused(`The manifest of ${backupDir} is not valid JSON: the backup is truncated or corrupted.`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const format = (json as { format?: unknown; formatVersion?: unknown } | null) ?? {};
    if (format.format === BACKUP_FORMAT && format.formatVersion !== BACKUP_FORMAT_VERSION) {
      throw new BackupRefused(`The backup is of format version ${String(format.formatVersion)}; this version of Saferhood restores version ${BACKUP_FORMAT_VERSION}.`);
    }
    throw new BackupRefused(`The manifest of ${backupDir} is not a Saferhood backup manifest (${parsed.error.issues[0]?.path.join('.') || 'format'}).`);
  }
  const manifest = parsed.data;
  const payloadPath = join(backupDir, manifest.payload.file);
  const size = await stat(payloadPath).then(
    (info) => info.size,
    () => undefined,
  );
  if (size === undefined) throw new BackupRefused(`The backup's payload ${manifest.payload.file} is missing.`);
  if (size !== manifest.payload.bytes) {
    throw new BackupRefused(
      `The backup's payload ${manifest.payload.file} has ${size} bytes where the manifest says ${manifest.payload.bytes}: it is truncated or was changed. Nothing was restored.`,
    );
  }
  if ((await sha256OfFile(payloadPath)) !== manifest.payload.sha256) {
    throw new BackupRefused(`The backup's payload ${manifest.payload.file} does not match its SHA-256 in the manifest: it is corrupted. Nothing was restored.`);
  }
  return manifest;
}
