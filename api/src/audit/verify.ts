import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents } from '../db/schema.js';
import { GENESIS_HASH, hashEvent } from './append.js';

export type TVerifyResult =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; brokenAt: number; reason: string };

const BATCH = 1000;

/** Recomputes the whole chain in seq order, in batches so memory stays flat on a long log. */
export function verifyAuditChain(db: Db): TVerifyResult {
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
        return { ok: false, count, brokenAt: expectedSeq, reason: `event ${expectedSeq} is missing` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, count, brokenAt: row.seq, reason: 'prevHash does not match the previous event' };
      }
      if (hashEvent(prevHash, row) !== row.hash) {
        return { ok: false, count, brokenAt: row.seq, reason: 'content does not match its hash' };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < BATCH) return { ok: true, count, lastHash: prevHash };
  }
}
