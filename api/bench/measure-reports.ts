/** The dashboards and the four workflow reports, as the bureau and as a principal, one request at a time. */
import { request, type TSession } from './http.js';
import { latency, type TLatency } from './stats.js';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
/** What the dashboard asks by default (the latest round, cycle, the current semester and year), and the explicit wider choices. */
export const REPORT_PATHS = [
  '/api/reports/overview',
  '/api/reports/security-inspection',
  '/api/reports/security-inspection?round=*',
  `/api/reports/security-inspection?from=${daysAgo(90)}`,
  '/api/reports/bundled-assessment',
  '/api/reports/campus-entry',
  '/api/reports/teaching-award',
];
export const REPORT_ROLES = ['reviewer', 'principal1'] as const;
const REPEAT = 10;
const BUDGET_MS = 30_000;

export type TReport = { who: string; path: string; latency: TLatency; status: number };
export type TReports = { all: TLatency; items: TReport[] };

export async function measureReports(base: string, sessions: Map<string, TSession>): Promise<TReports> {
  const items: TReport[] = [];
  const all: number[] = [];
  for (const path of REPORT_PATHS) {
    for (const who of REPORT_ROLES) {
      const samples: number[] = [];
      let status = 200;
      for (let i = 0, spent = 0; i < REPEAT && spent < BUDGET_MS; i++) {
        const res = await request(`${base}${path}`, {
          headers: { cookie: sessions.get(who)!.cookie },
          timeoutMs: 300_000,
        });
        samples.push(res.ms);
        spent += res.ms;
        if (res.status !== 200) status = res.status;
      }
      items.push({ who, path, latency: latency(samples), status });
      if (status === 200) all.push(...samples);
    }
  }
  return { all: latency(all), items };
}
