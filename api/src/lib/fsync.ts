import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file (or a folder's entries) to disk: what was written survives a crash from here on. */
export function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be fsync'd on every platform; files always can.
  }
}
