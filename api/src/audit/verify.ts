import type { Db } from '../db/client.js';
import { chainAnchor, hashesAt, type TChainAnchor } from './anchor.js';
import { auditHead } from './checkpoints.js';
import { readVerifiedPosition, type TVerifiedPosition, writeVerifiedPosition } from './verified-position.js';
import { verifyCheckpoints } from './verify-checkpoints.js';
import { broken, type TVerifyAnchor, type TVerifyResult } from './verify-result.js';
import { runAsync, runToEnd, type TChainPoint, walkChain } from './walk.js';

export type { TVerifyFailure, TVerifyResult } from './verify-result.js';

export type TVerifyOptions = {
  /** The chain head's checkpoints kept outside the database (ADR 0004). */
  checkpointFile?: string;
  /**
   * Where the last verified position is kept (ADR 0015). With it, a verify rehashes only the events after
   * that position, once the row there still carries the hash it had; without it, or with `full`, the walk
   * starts at the anchor.
   */
  positionFile?: string;
  full?: boolean;
  now?: () => Date;
};

const anchorOf = (a: TChainAnchor): TVerifyAnchor | null =>
  a.archive
    ? { seq: a.seq, hash: a.hash, archiveId: a.archive.archiveId, archivedAt: a.archive.at, cutoff: a.archive.cutoff }
    : null;

/** The verified position is only a shortcut if the row it names still holds the hash it had then. */
async function positionCheck(db: Db, position: TVerifiedPosition, anchor: TChainAnchor): Promise<TVerifyResult | null> {
  const row = await hashesAt(db, position.seq);
  if (row?.hash === position.hash) return null;
  const head = (await auditHead(db))?.seq ?? anchor.seq;
  if (!row && position.seq > head) {
    const from = head + 1;
    return broken(
      head - anchor.seq,
      from,
      {
        'zh-CN': `审计记录第 ${from}–${position.seq} 条缺失：${position.at} 校验时已到第 ${position.seq} 条（末尾记录被删除）`,
        en: `events ${from}–${position.seq} are missing: the verification of ${position.at} reached ${position.seq} (the newest events were deleted)`,
      },
      { missing: { from, to: position.seq } },
    );
  }
  return broken(position.seq - 1 - anchor.seq, position.seq, {
    'zh-CN': row
      ? `第 ${position.seq} 条记录的哈希与 ${position.at} 校验时不同：该条及之前的记录被改写`
      : `第 ${position.seq} 条记录（${position.at} 校验通过）缺失`,
    en: row
      ? `event ${position.seq} has another hash than when verified at ${position.at}: the chain up to it was rewritten`
      : `event ${position.seq}, verified at ${position.at}, is missing`,
  });
}

/**
 * Recomputes the chain from its anchor (the genesis, or the last archived event) or from the last verified
 * position, then holds the table to the checkpoint file. Steps yield between batches (see walkChain).
 */
async function* verifySteps(db: Db, opts: TVerifyOptions): AsyncGenerator<void, TVerifyResult> {
  const now = opts.now ?? (() => new Date());
  for (let attempt = 0; ; attempt++) {
    const anchor = await chainAnchor(db);
    const head = await auditHead(db);
    const position = opts.positionFile && !opts.full ? readVerifiedPosition(opts.positionFile) : null;
    let start: TChainPoint = anchor;
    if (position && position.seq > anchor.seq) {
      const refused = await positionCheck(db, position, anchor);
      if (refused) return refused;
      start = position;
    }
    const mode = start === anchor ? 'full' : 'incremental';
    const walk = yield* walkChain(db, start, head?.seq);
    if (!walk.ok) {
      // An archive committed while we walked moves the anchor and removes rows under us: walk again once.
      if (attempt === 0 && (await chainAnchor(db)).seq !== anchor.seq) continue;
      return broken(walk.last.seq - anchor.seq, walk.brokenAt, walk.message);
    }
    const count = walk.last.seq - anchor.seq;
    let checkpoints = null;
    if (opts.checkpointFile) {
      const lastSeq = (await auditHead(db))?.seq ?? anchor.seq;
      const checked = await verifyCheckpoints(db, opts.checkpointFile, { lastSeq, count, anchor });
      if (!checked.ok) return checked.failure;
      checkpoints = checked.summary;
    }
    const at = now().toISOString();
    const fullAt = mode === 'full' ? at : (position?.fullAt ?? null);
    if (opts.positionFile)
      writeVerifiedPosition(opts.positionFile, { seq: walk.last.seq, hash: walk.last.hash, at, fullAt });
    return {
      ok: true,
      count,
      lastHash: walk.last.hash,
      checkpoints,
      mode,
      checked: walk.walked,
      anchor: anchorOf(anchor),
      fullAt,
    };
  }
}

/** Verifies in one go: for tests, the command line and small chains. */
export async function verifyAuditChain(db: Db, opts: TVerifyOptions = {}): Promise<TVerifyResult> {
  return runToEnd(verifySteps(db, opts));
}

/** Verifies while letting the server answer other requests between batches (a full walk of millions of events). */
export async function verifyAuditChainAsync(db: Db, opts: TVerifyOptions = {}): Promise<TVerifyResult> {
  return runAsync(verifySteps(db, opts));
}
