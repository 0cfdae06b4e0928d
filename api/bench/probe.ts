/**
 * The "heavy work never stalls others" probe: GET a cheap URL on a new connection every `everyMs`
 * while something else runs, and report how long the slowest one waited.
 */
import { request } from './http.js';
import { latency, sleep, type TLatency } from './stats.js';

export type TProbeResult = TLatency & { errors: number };

export function startProbe(url: string, everyMs: number): { stop: () => Promise<TProbeResult> } {
  const samples: number[] = [];
  let errors = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const res = await request(url, { fresh: true, timeoutMs: 60_000 });
        samples.push(res.ms);
        if (res.status !== 200) errors++;
      } catch {
        samples.push(performance.now() - t0);
        errors++;
      }
      await sleep(Math.max(0, everyMs - (performance.now() - t0)));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return { ...latency(samples), errors };
    },
  };
}

/** Runs `work` with the probe alongside; returns both. */
export async function whileProbing<T>(
  url: string,
  everyMs: number,
  work: () => Promise<T>,
): Promise<[T, TProbeResult]> {
  const probe = startProbe(url, everyMs);
  try {
    return [await work(), await probe.stop()];
  } catch (e) {
    await probe.stop();
    throw e;
  }
}
