import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { ATTACHMENTS_DIR_NAME, dataDirOf } from '../../data-dir.js';
import type { Deps } from '../../deps.js';

/**
 * Files live in the attachments folder — `EDUFLOW_ATTACHMENTS_DIR`, which every API node shares, or
 * `<data dir>/attachments` — as `<first two hex of the SHA-256>/<sha256>`. Content-addressed, so the same
 * evidence uploaded twice is stored once and a stored file can be re-hashed against its name to prove it
 * unchanged.
 */
export function attachmentsDir(deps: Pick<Deps, 'db' | 'attachmentsDir' | 'dataDir'>): string {
  return deps.attachmentsDir ?? join(dataDirOf(deps), ATTACHMENTS_DIR_NAME);
}

export const storagePathOf = (sha256: string) => join(sha256.slice(0, 2), sha256);

/**
 * Writes atomically (a temporary name of its own, then rename) so a crash never leaves half a file under a
 * hash name, and two nodes storing the same file at once each rename whole, identical bytes into place.
 */
export function storeFile(
  deps: Pick<Deps, 'db' | 'attachmentsDir' | 'dataDir'>,
  sha256: string,
  bytes: Uint8Array,
): string {
  const relative = storagePathOf(sha256);
  const target = join(attachmentsDir(deps), relative);
  if (existsSync(target)) return relative;
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${crypto.randomUUID()}.part`;
  writeFileSync(temp, bytes);
  renameSync(temp, target);
  return relative;
}
