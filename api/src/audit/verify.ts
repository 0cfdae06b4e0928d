import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents } from '../db/schema.js';
import { GENESIS_HASH, hashEvent } from './append.js';
import { verifyCheckpoints } from './verify-checkpoints.js';
import { broken, type TVerifyResult } from './verify-result.js';

export type { TVerifyFailure, TVerifyResult } from './verify-result.js';

const BATCH = 1000;

/**
 * Recomputes the whole chain in seq order, in batches so memory stays flat on a long log; then, when a
 * checkpoint file is given, checks the chain against it by point lookups (a cut tail, a rewritten head).
 */
export function verifyAuditChain(db: Db, opts: { checkpointFile?: string } = {}): TVerifyResult {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH)
      .all();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return broken(count, expectedSeq, { 'zh-CN': `第 ${expectedSeq} 条记录缺失`, en: `event ${expectedSeq} is missing` });
      }
      if (row.prevHash !== prevHash) {
        return broken(count, row.seq, { 'zh-CN': `第 ${row.seq} 条记录的前序哈希与上一条不符`, en: 'prevHash does not match the previous event' });
      }
      if (hashEvent(prevHash, row) !== row.hash) {
        return broken(count, row.seq, { 'zh-CN': `第 ${row.seq} 条记录的内容与其哈希不符`, en: 'content does not match its hash' });
      }
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (!opts.checkpointFile) return { ok: true, count, lastHash: prevHash, checkpoints: null };
  const checked = verifyCheckpoints(db, opts.checkpointFile, count);
  return checked.ok ? { ok: true, count, lastHash: prevHash, checkpoints: checked.summary } : checked.failure;
}
