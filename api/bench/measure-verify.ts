/** GET /api/audit/verify as the auditor: the whole chain recomputed; /api/health polled beside it. */
import { jsonOf, request, type TSession } from './http.js';
import { type TProbeResult, whileProbing } from './probe.js';

export type TVerify = {
  ms: number;
  status: number;
  ok: boolean;
  events: number;
  reason: string | null;
  stall: TProbeResult;
};

export async function measureVerify(base: string, auditor: TSession): Promise<TVerify> {
  const [res, stall] = await whileProbing(`${base}/api/health`, 10, () =>
    request(`${base}/api/audit/verify`, { headers: { cookie: auditor.cookie }, timeoutMs: 3_600_000 }),
  );
  const body = res.status === 200 ? jsonOf<{ ok: boolean; count: number; reason?: string }>(res) : null;
  return {
    ms: res.ms,
    status: res.status,
    ok: body?.ok === true,
    events: body?.count ?? 0,
    reason: body?.reason ?? null,
    stall,
  };
}
