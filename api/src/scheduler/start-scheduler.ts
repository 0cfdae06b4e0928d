import type { Deps } from '../deps.js';
import { runDueTimers } from './run-due-timers.js';

/**
 * Polls for due timers. The interval is unref'd so it never keeps the process alive, and all state is
 * in the timers table, so a restart simply picks up what fell due while the server was down.
 */
export function startScheduler(deps: Deps, everyMs = 30_000): { stop: () => void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    try {
      runDueTimers(deps);
    } catch (err) {
      console.error('scheduler tick failed', err);
    } finally {
      running = false;
    }
  };
  const handle = setInterval(tick, everyMs);
  handle.unref();
  setImmediate(tick);
  return { stop: () => clearInterval(handle) };
}
