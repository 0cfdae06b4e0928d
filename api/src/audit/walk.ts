import { and, asc, gt, lte } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { auditEvents, type TAuditEventRow } from '../db/schema.js';
import { hashEvent } from './append.js';
import type { TText } from './verify-result.js';

export const BATCH = 1000;

export type TChainPoint = { seq: number; hash: string };

export type TWalkOutcome =
  | { ok: true; last: TChainPoint; walked: number }
  | { ok: false; last: TChainPoint; walked: number; brokenAt: number; message: TText };

/** One link of the chain: the row follows `prev` without a gap, names its hash, and its content hashes to its own. */
export function checkLink(prev: TChainPoint, row: TAuditEventRow): { brokenAt: number; message: TText } | null {
  const expected = prev.seq + 1;
  if (row.seq !== expected)
    return {
      brokenAt: expected,
      message: { 'zh-CN': `第 ${expected} 条记录缺失`, en: `event ${expected} is missing` },
    };
  if (row.prevHash !== prev.hash) {
    return {
      brokenAt: row.seq,
      message: {
        'zh-CN': `第 ${row.seq} 条记录的前序哈希与上一条不符`,
        en: 'prevHash does not match the previous event',
      },
    };
  }
  if (hashEvent(prev.hash, row) !== row.hash) {
    return {
      brokenAt: row.seq,
      message: { 'zh-CN': `第 ${row.seq} 条记录的内容与其哈希不符`, en: 'content does not match its hash' },
    };
  }
  return null;
}

/**
 * Recomputes the chain from `start` (exclusive) in seq order, in batches so memory stays flat, up to
 * `toSeq` or the head. Yields after each batch so an async caller can let the server breathe on a long walk.
 */
export async function* walkChain(
  db: Db,
  start: TChainPoint,
  toSeq = Number.MAX_SAFE_INTEGER,
): AsyncGenerator<void, TWalkOutcome> {
  let prev = start;
  let walked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.seq, prev.seq), lte(auditEvents.seq, toSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH);
    for (const row of rows) {
      const broken = checkLink(prev, row);
      if (broken) return { ok: false, last: prev, walked, ...broken };
      prev = { seq: row.seq, hash: row.hash };
      walked += 1;
    }
    if (rows.length < BATCH) return { ok: true, last: prev, walked };
    yield;
  }
}

/** Runs a step generator to its end in one go (CLIs, tests, small chains). */
export async function runToEnd<T>(steps: AsyncGenerator<void, T>): Promise<T> {
  for (;;) {
    const next = await steps.next();
    if (next.done) return next.value;
  }
}

/** Runs a step generator, giving the event loop a turn every ~50 ms so a long walk never stalls requests. */
export async function runAsync<T>(steps: AsyncGenerator<void, T>, sliceMs = 50): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = await steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
