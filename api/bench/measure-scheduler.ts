/**
 * One scheduler tick at full batch: 100 timers brought due, then /api/health polled every 10 ms until the
 * scheduler (every 30 s, 100 timers a tick, each fired in its own transaction) has fired them.
 */
import { type TProbeResult, whileProbing } from './probe.js';
import { sleep } from './stats.js';
import { dueTimers, makeTimersDue } from './timers.js';

export const TICK_TIMERS = 100;
export type TSchedulerTick = { timers: number; waitedMs: number; left: number; stall: TProbeResult };

export async function measureSchedulerTick(base: string, dbFile: string): Promise<TSchedulerTick> {
  const timers = makeTimersDue(dbFile, TICK_TIMERS);
  const t0 = performance.now();
  const [left, stall] = await whileProbing(`${base}/api/health`, 10, async () => {
    // The scheduler ticks every 30 s: wait for one tick to take the batch, up to two ticks.
    while (performance.now() - t0 < 65_000) {
      await sleep(500);
      if (dueTimers(dbFile) === 0) return 0;
    }
    return dueTimers(dbFile);
  });
  return { timers, waitedMs: performance.now() - t0, left, stall };
}
