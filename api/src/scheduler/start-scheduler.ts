import type { Deps } from '../deps.js';
import { logger } from '../log/logger.js';
import { runDueTimers, type TTimerRun } from './run-due-timers.js';

export type TScheduler = {
  stop: () => void;
  /** One tick now; null when a tick is already running (or the scheduler is stopped). */
  tick: () => Promise<TTimerRun | null>;
};

/**
 * Polls for due timers. The interval is unref'd so it never keeps the process alive, and all state is
 * in the timers table, so a restart simply picks up what fell due while the server was down. A tick
 * yields between timers, so it spans many turns of the event loop: `running` stays set for the whole of
 * it, so an interval that comes round meanwhile never starts a second run over the same rows.
 */
export function startScheduler(deps: Deps, everyMs = 30_000): TScheduler {
  let running = false;
  let stopped = false;
  const tick = async (): Promise<TTimerRun | null> => {
    if (running || stopped) return null;
    running = true;
    try {
      return await runDueTimers(deps, deps.clock(), { stopped: () => stopped });
    } catch (err) {
      logger.error({ err }, 'scheduler tick failed');
      return null;
    } finally {
      running = false;
    }
  };
  const handle = setInterval(() => void tick(), everyMs);
  handle.unref();
  setImmediate(() => void tick());
  return {
    // A tick in progress stops before its next timer (the database may close right after).
    stop: () => {
      stopped = true;
      clearInterval(handle);
    },
    tick,
  };
}
