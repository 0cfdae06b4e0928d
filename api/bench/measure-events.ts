/**
 * Issue 11's write path: 50 keep-alive connections, each a different principal saving (暂存, SAVE) the
 * self-check of their own school's running inspection with the version the previous answer returned —
 * against the real API, then the bare endpoint and the constant-JSON ceiling — while GET /api/health
 * is probed on a new connection each time.
 */
import { jsonOf, request, signIn, type TSession, writeHeaders } from './http.js';
import { runLoad, type TLoadConnection, type TLoadResult } from './load.js';
import type { TEventPick } from './plan.js';
import { startProbe, type TProbeResult } from './probe.js';

export type TActor = TEventPick & { session: TSession };
export type TRealEvents = { load: TLoadResult; health: TProbeResult; resyncs: number };

const saveBody = (n: number, expectedVersion: number) =>
  JSON.stringify({ type: 'SAVE', data: { selfCheckNotes: `暂存 ${n}` }, expectedVersion });

/** Signs in candidates and keeps the first `count` whose SAVE the real API accepts (their version moves on). */
export async function chooseActors(
  base: string,
  picks: TEventPick[],
  password: string,
  count: number,
  log: (s: string) => void,
): Promise<TActor[]> {
  const actors: TActor[] = [];
  const refused: Record<string, number> = {};
  for (const pick of picks) {
    if (actors.length >= count) break;
    const session = await signIn(base, pick.username, password);
    const res = await request(`${base}/api/instances/${pick.instanceId}/events`, {
      method: 'POST',
      headers: writeHeaders(session),
      body: saveBody(0, pick.version),
    });
    if (res.status === 200) actors.push({ ...pick, version: jsonOf<{ version: number }>(res).version, session });
    else refused[res.status] = (refused[res.status] ?? 0) + 1;
  }
  log(
    `  ${actors.length} principals each saving their own self-check (of ${picks.length} candidates; refused: ${JSON.stringify(refused)})`,
  );
  return actors;
}

/** With several bases (API nodes on one database), connection i goes to node i mod n; health probes the first. */
export async function measureRealEvents(
  bases: string | string[],
  actors: TActor[],
  durationMs: number,
): Promise<TRealEvents> {
  const nodes = [bases].flat();
  let resyncs = 0;
  let n = 0;
  const connections: TLoadConnection[] = actors.map((a, i) => {
    const base = nodes[i % nodes.length];
    let version = a.version;
    return {
      next: () => ({
        url: `${base}/api/instances/${a.instanceId}/events`,
        method: 'POST',
        headers: writeHeaders(a.session),
        body: saveBody(++n, version),
      }),
      onResponse: async (res) => {
        if (res.status === 200) version = jsonOf<{ version: number }>(res).version;
        else if (res.status === 409) {
          // Someone else (the scheduler) moved it: read the version again so the next save is not stale too.
          resyncs++;
          const fresh = await request(`${base}/api/instances/${a.instanceId}`, {
            headers: { cookie: a.session.cookie },
          });
          if (fresh.status === 200) version = jsonOf<{ version: number }>(fresh).version;
        }
      },
    };
  });
  const probe = startProbe(`${nodes[0]}/api/health`, 20);
  const load = await runLoad(connections, { durationMs });
  return { load, health: await probe.stop(), resyncs };
}

/** The same principals and instances on the bare endpoint's own copy (versions as planned). */
export function measureBareEvents(base: string, picks: TEventPick[], durationMs: number): Promise<TLoadResult> {
  let n = 0;
  const connections: TLoadConnection[] = picks.map((p) => {
    let version = p.version;
    return {
      next: () => ({
        url: `${base}/events/${p.instanceId}`,
        method: 'POST',
        headers: { 'x-user': p.userId },
        body: saveBody(++n, version),
      }),
      onResponse: (res) => {
        if (res.status === 200) version = jsonOf<{ version: number }>(res).version;
      },
    };
  });
  return runLoad(connections, { durationMs });
}

export function measureConst(base: string, connections: number, durationMs: number): Promise<TLoadResult> {
  return runLoad(
    Array.from({ length: connections }, () => ({ next: () => ({ url: `${base}/const` }) })),
    { durationMs },
  );
}
