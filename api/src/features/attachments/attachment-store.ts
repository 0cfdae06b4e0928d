import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { Db } from '../../db/client.js';

/**
 * Files live beside the database: `<data dir>/attachments/<first two hex of the SHA-256>/<sha256>`.
 * Content-addressed, so the same evidence uploaded twice is stored once and a stored file can be
 * re-hashed against its name to prove it unchanged.
 */
export function attachmentsDir(db: Db): string {
  return join(dirname(db.$client.name), 'attachments');
}

export const storagePathOf = (sha256: string) => join(sha256.slice(0, 2), sha256);

/** Writes atomically (temp file + rename) so a crash never leaves half a file under a hash name. */
export function storeFile(db: Db, sha256: string, bytes: Uint8Array): string {
  const relative = storagePathOf(sha256);
  const target = join(attachmentsDir(db), relative);
  if (existsSync(target)) return relative;
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${crypto.randomUUID()}.part`;
  writeFileSync(temp, bytes);
  renameSync(temp, target);
  return relative;
}
