/**
 * Closed-loop load: each connection is a keep-alive socket that sends its next request as soon as the
 * previous answer arrived, for a fixed duration. Requests during the warm-up are sent but not counted.
 */
import { keepAliveAgent, request, type TRequest, type TResponse } from './http.js';
import { latency, type TLatency } from './stats.js';

export type TLoadConnection = {
  /** The next request to send on this connection. */
  next: () => { url: string } & Omit<TRequest, 'agent' | 'fresh'>;
  /** Sees every answer (e.g. to carry the returned version into the next event). */
  onResponse?: (res: TResponse) => void | Promise<void>;
};

export type TLoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latency: TLatency;
  errors: Record<string, number>;
};

export async function runLoad(
  connections: TLoadConnection[],
  opts: { durationMs: number; warmupMs?: number },
): Promise<TLoadResult> {
  const warmupMs = opts.warmupMs ?? 1000;
  const t0 = performance.now();
  const countFrom = t0 + warmupMs;
  const end = countFrom + opts.durationMs;
  const samples: number[] = [];
  const errors: Record<string, number> = {};
  const loop = async (conn: TLoadConnection) => {
    const agent = keepAliveAgent();
    try {
      while (performance.now() < end) {
        const { url, ...spec } = conn.next();
        const sent = performance.now();
        let res: TResponse | null = null;
        try {
          res = await request(url, { ...spec, agent, timeoutMs: 30_000 });
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code ?? 'network';
          if (sent >= countFrom) errors[code] = (errors[code] ?? 0) + 1;
          continue;
        }
        if (sent >= countFrom && performance.now() <= end) {
          samples.push(res.ms);
          if (res.status >= 400) errors[String(res.status)] = (errors[String(res.status)] ?? 0) + 1;
        }
        await conn.onResponse?.(res);
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(connections.map(loop));
  const seconds = opts.durationMs / 1000;
  return {
    connections: connections.length,
    seconds,
    requests: samples.length,
    rps: samples.length / seconds,
    latency: latency(samples),
    errors,
  };
}
