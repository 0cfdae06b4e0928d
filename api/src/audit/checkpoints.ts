import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

import { desc } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { auditEvents } from '../db/schema.js';

/** The chain's head as it stood at `at`, kept outside the database so cutting the tail of the table shows. */
export type TCheckpoint = { seq: number; hash: string; at: string };

export const CHECKPOINT_FILE_NAME = 'audit-checkpoints.log';

export type TCheckpointFile = { checkpoints: Array<TCheckpoint & { line: number }>; unreadable: number[] };

function parseLine(text: string): TCheckpoint | null {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return null;
    const { seq, hash, at } = v as Record<string, unknown>;
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) return null;
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) || typeof at !== 'string') return null;
    return { seq, hash, at };
  } catch {
    return null;
  }
}

/** Every line of the file; a line that is not a checkpoint is reported by number, never skipped silently. */
export function readCheckpoints(file: string): TCheckpointFile {
  if (!existsSync(file)) return { checkpoints: [], unreadable: [] };
  const checkpoints: TCheckpointFile['checkpoints'] = [];
  const unreadable: number[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      const cp = parseLine(text);
      if (cp) checkpoints.push({ ...cp, line: i + 1 });
      else unreadable.push(i + 1);
    });
  return { checkpoints, unreadable };
}

/** The last checkpoint, read from the file's last few KB so start-up and each tick cost the same on a year-old file. */
export function lastCheckpoint(file: string): TCheckpoint | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const len = Math.min(size, 4096);
    const buf = Buffer.alloc(len);
    readSync(fd, buf, 0, len, size - len);
    const lines = buf
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const last = lines.at(-1);
    return last === undefined ? null : parseLine(last);
  } finally {
    closeSync(fd);
  }
}

export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  return (
    (
      await db
        .select({ seq: auditEvents.seq, hash: auditEvents.hash })
        .from(auditEvents)
        .orderBy(desc(auditEvents.seq))
        .limit(1)
    )[0] ?? null
  );
}

/** Appends one line and fsyncs it (and the folder, when the file is new): once written, a crash cannot take it back. */
function appendLine(file: string, line: string): void {
  const isNew = !existsSync(file);
  const fd = openSync(file, 'a', 0o640);
  try {
    writeSync(fd, line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (isNew) {
    try {
      const dirFd = openSync(dirname(file), 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } catch {
      // Some platforms cannot fsync a directory; the file's own fsync still holds its content.
    }
  }
}

export type TCheckpointOutcome =
  | { written: true; checkpoint: TCheckpoint }
  | { written: false; why: 'empty' | 'unchanged' }
  | { written: false; why: 'behind'; head: { seq: number; hash: string } | null; last: TCheckpoint };

/**
 * Anchors the chain's head: appends `{seq, hash, at}` when the head moved since the last checkpoint.
 * A head below (or beside) the last checkpoint is never written over it: that is the tampering the file
 * exists to show, so the caller reports it and verify fails.
 */
export async function writeCheckpoint(deps: { db: Db; clock: () => Date }, file: string): Promise<TCheckpointOutcome> {
  const head = await auditHead(deps.db);
  const last = lastCheckpoint(file);
  if (last && (!head || head.seq < last.seq || (head.seq === last.seq && head.hash !== last.hash))) {
    return { written: false, why: 'behind', head, last };
  }
  if (!head) return { written: false, why: 'empty' };
  if (last && head.seq === last.seq) return { written: false, why: 'unchanged' };
  const checkpoint: TCheckpoint = { seq: head.seq, hash: head.hash, at: deps.clock().toISOString() };
  appendLine(file, `${JSON.stringify(checkpoint)}\n`);
  return { written: true, checkpoint };
}
