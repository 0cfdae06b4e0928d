/** Latency samples (ms) → the figures the report quotes. */
export type TLatency = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function latency(samples: number[]): TLatency {
  if (!samples.length) return { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const s = Float64Array.from(samples).sort();
  // Nearest-rank percentile: the smallest sample with at least p of the samples at or below it.
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const sum = s.reduce((a, b) => a + b, 0);
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1], mean: sum / s.length };
}

export const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '—');

export const fmtLatency = (l: TLatency) =>
  `p50 ${ms(l.p50)} · p95 ${ms(l.p95)} · p99 ${ms(l.p99)} · max ${ms(l.max)} ms (n=${l.n})`;

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

export const sleep = (msecs: number) => new Promise<void>((r) => setTimeout(r, msecs));
