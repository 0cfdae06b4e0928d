import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { fsyncPath } from '../lib/fsync.js';

export type TFileEntry = { path: string; bytes: number; sha256: string };

export { fsyncPath };

/** SHA-256 and size of a file, streamed (attachments reach 20 MB, databases gigabytes). */
export async function hashFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Copies a file, hashing what was written, and fsyncs the copy. */
export async function copyHashed(from: string, to: string, mode = 0o600): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), tap, createWriteStream(to, { flags: 'wx', mode }));
  fsyncPath(to);
  return { bytes, sha256: hash.digest('hex') };
}
