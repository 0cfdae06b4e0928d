import { createHash } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

import { asc, gt } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { auditEvents } from '../db/schema.js';
import { fsyncPath } from '../lib/fsync.js';
import { ARCHIVE_FORMAT, type TArchiveHeader, type TArchiveLink } from './archive-format.js';
import type { TText } from './verify-result.js';
import { BATCH, checkLink, type TChainPoint } from './walk.js';

export type TWrittenArchive =
  | { ok: true; header: TArchiveHeader; link: TArchiveLink; sha256: string; bytes: number }
  | { ok: false; why: 'empty' }
  | { ok: false; why: 'broken'; brokenAt: number; message: TText };

class Stop extends Error {
  constructor(readonly outcome: Extract<TWrittenArchive, { ok: false }>) {
    super('archive stopped');
  }
}

/**
 * Streams the events from `start` (exclusive) up to the first one at or after `cutoff` into `path` as
 * gzip'd JSON Lines, verifying each link on the way: a broken chain is never archived (that would launder
 * the tampering into a file nobody re-checks). Rows older than the cut-off cannot change (the triggers), so
 * no transaction is held while writing; the caller re-checks the anchor in the one that deletes them.
 * The file is fsync'd before this returns; on any refusal it is removed.
 */
export async function writeArchiveFile(
  db: Db,
  opts: {
    path: string;
    start: TChainPoint;
    cutoff: string;
    header: Pick<TArchiveHeader, 'archiveId' | 'createdAt' | 'createdBy'>;
  },
): Promise<TWrittenArchive> {
  const header: TArchiveHeader = {
    kind: 'header',
    format: ARCHIVE_FORMAT,
    version: 1,
    ...opts.header,
    cutoff: opts.cutoff,
    fromSeq: opts.start.seq + 1,
    firstPrevHash: opts.start.hash,
  };
  let link: TArchiveLink | null = null;

  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify(header)}\n`;
    let prev = opts.start;
    let count = 0;
    let firstAt = '';
    let lastAt = '';
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(gt(auditEvents.seq, prev.seq))
        .orderBy(asc(auditEvents.seq))
        .limit(BATCH);
      let chunk = '';
      let reachedKept = rows.length < BATCH;
      for (const row of rows) {
        if (row.at >= opts.cutoff) {
          // The first kept row must name the last archived one, or the live chain would not link to the file.
          const broken = checkLink(prev, row);
          if (broken) throw new Stop({ ok: false, why: 'broken', ...broken });
          reachedKept = true;
          break;
        }
        const broken = checkLink(prev, row);
        if (broken) throw new Stop({ ok: false, why: 'broken', ...broken });
        chunk += `${JSON.stringify(row)}\n`;
        if (count === 0) firstAt = row.at;
        lastAt = row.at;
        count += 1;
        prev = { seq: row.seq, hash: row.hash };
      }
      if (chunk) yield chunk;
      if (reachedKept) break;
    }
    if (count === 0) throw new Stop({ ok: false, why: 'empty' });
    link = {
      kind: 'link',
      count,
      throughSeq: prev.seq,
      firstAt,
      lastAt,
      lastHash: prev.hash,
      firstKeptSeq: prev.seq + 1,
      firstKeptPrevHash: prev.hash,
    };
    yield `${JSON.stringify(link)}\n`;
  }

  const digest = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      digest.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    // One batch buffered at a time: Readable.from would otherwise pull 16 batches per turn of the event loop.
    await pipeline(
      Readable.from(lines(), { highWaterMark: 1 }),
      createGzip(),
      tap,
      createWriteStream(opts.path, { flags: 'wx', mode: 0o640 }),
    );
  } catch (err) {
    rmSync(opts.path, { force: true });
    if (err instanceof Stop) return err.outcome;
    throw err;
  }
  fsyncPath(opts.path);
  if (!link) throw new Error('archive written without its link line');
  return { ok: true, header, link, sha256: digest.digest('hex'), bytes };
}
