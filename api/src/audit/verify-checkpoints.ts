import type { Db } from '../db/client.js';
import { hashesAt } from './anchor.js';
import { readCheckpoints } from './checkpoints.js';
import { broken, type TCheckpointSummary, type TVerifyFailure } from './verify-result.js';
import type { TChainPoint } from './walk.js';

/**
 * Holds the table to the checkpoints written outside it. `lastSeq` is the table's last seq, `count` the
 * events the chain walk proved. One point lookup by seq (the rowid) per distinct checkpointed seq, no scan.
 * Checkpoints below the anchor name rows that were archived: the archive verifier holds the archive file to
 * them (ADR 0015); the one at the anchor itself must carry the anchor's hash.
 */
export async function verifyCheckpoints(
  db: Db,
  file: string,
  { lastSeq, count, anchor }: { lastSeq: number; count: number; anchor: TChainPoint },
): Promise<{ ok: true; summary: TCheckpointSummary } | { ok: false; failure: TVerifyFailure }> {
  const { checkpoints, unreadable } = readCheckpoints(file);
  if (unreadable.length > 0) {
    const lines = unreadable.slice(0, 5).join(', ');
    return {
      ok: false,
      failure: broken(count, 0, {
        'zh-CN': `审计锚点文件第 ${lines} 行无法识别，锚点文件可能被改动`,
        en: `checkpoint file line(s) ${lines} cannot be read; the checkpoint file may have been altered`,
      }),
    };
  }
  // The highest checkpoint, not the last line: a lower line appended later must not lower the bar.
  const top = checkpoints.reduce<(typeof checkpoints)[number] | null>((a, c) => (!a || c.seq > a.seq ? c : a), null);
  if (top && top.seq > lastSeq) {
    const from = lastSeq + 1;
    const range = from === top.seq ? `${from}` : `${from}–${top.seq}`;
    return {
      ok: false,
      failure: broken(
        count,
        from,
        {
          'zh-CN': `审计记录第 ${range} 条缺失：表中最后一条为第 ${lastSeq} 条，但 ${top.at} 的锚点记录已到第 ${top.seq} 条（末尾记录被删除）`,
          en: `events ${range} are missing: the table ends at ${lastSeq}, but the checkpoint of ${top.at} recorded ${top.seq} (the newest events were deleted)`,
        },
        { missing: { from, to: top.seq } },
      ),
    };
  }
  const seen = new Map<number, string>();
  for (const cp of checkpoints) {
    if (seen.get(cp.seq) === cp.hash) continue;
    seen.set(cp.seq, cp.hash);
    if (cp.seq < anchor.seq) continue;
    const hash = cp.seq === anchor.seq ? anchor.hash : (await hashesAt(db, cp.seq))?.hash;
    if (hash !== cp.hash) {
      return {
        ok: false,
        failure: broken(count, cp.seq, {
          'zh-CN': `第 ${cp.seq} 条记录的哈希与 ${cp.at} 的锚点（锚点文件第 ${cp.line} 行）不符：该条及之前的记录被改写`,
          en: `event ${cp.seq} does not match the checkpoint of ${cp.at} (checkpoint file line ${cp.line}): the chain up to it was rewritten`,
        }),
      };
    }
  }
  return { ok: true, summary: { count: checkpoints.length, lastSeq: top?.seq ?? null, lastAt: top?.at ?? null } };
}
