/** One bulk action starting an inspection round for 200 schools, with /api/health polled every 10 ms beside it. */
import { jsonOf, request, type TSession, writeHeaders } from './http.js';
import type { TPlan } from './plan.js';
import { type TProbeResult, whileProbing } from './probe.js';

export type TBulk = { ms: number; status: number; started: number; failed: number; stall: TProbeResult };

export async function measureBulk(base: string, admin: TSession, plan: TPlan): Promise<TBulk> {
  const body = JSON.stringify({
    definitionId: plan.securityDefinitionId,
    subjectOrgIds: plan.bulkSchoolIds,
    data: { round: `压测批次 ${new Date().toISOString()}` },
    assignments: { inspector: [plan.inspectorId] },
  });
  const [res, stall] = await whileProbing(`${base}/api/health`, 10, () =>
    request(`${base}/api/bulk/instances`, { method: 'POST', headers: writeHeaders(admin), body, timeoutMs: 300_000 }),
  );
  const out = res.status === 200 ? jsonOf<{ started: unknown[]; failed: unknown[] }>(res) : { started: [], failed: [] };
  return { ms: res.ms, status: res.status, started: out.started.length, failed: out.failed.length, stall };
}
