import { type TCheckpointOutcome, writeCheckpoint } from '../audit/checkpoints.js';
import type { Deps } from '../deps.js';
import { logger } from '../log/logger.js';

export const DEFAULT_CHECKPOINT_MINUTES = 5;

/**
 * Anchors the audit chain's head in `file` now, every `everyMs` while the server runs (only when the
 * head moved), and once more from `stop()` on a graceful shutdown. A head behind the file is tampering:
 * it is logged loudly, never written over (verify reports it to the auditor).
 */
export async function startCheckpoints(
  deps: Pick<Deps, 'db' | 'clock'>,
  opts: { file: string; everyMs?: number; log?: (msg: string) => void },
): Promise<{ tick: () => Promise<TCheckpointOutcome | null>; stop: () => Promise<void> }> {
  const log = opts.log ?? ((msg: string) => logger.error(msg));
  const tick = async (): Promise<TCheckpointOutcome | null> => {
    try {
      const out = await writeCheckpoint(deps, opts.file);
      if (!out.written && out.why === 'behind') {
        log(
          `AUDIT CHAIN BEHIND ITS CHECKPOINT: table head ${out.head ? `#${out.head.seq}` : '(empty)'}, checkpoint #${out.last.seq} of ${out.last.at}; run GET /api/audit/verify`,
        );
      }
      return out;
    } catch (err) {
      log(`audit checkpoint failed: ${String(err)}`);
      return null;
    }
  };
  await tick();
  const handle = setInterval(() => void tick(), opts.everyMs ?? DEFAULT_CHECKPOINT_MINUTES * 60_000);
  handle.unref();
  let stopped = false;
  return {
    tick,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(handle);
      await tick();
    },
  };
}
