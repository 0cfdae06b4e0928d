/**
 * Lists as each demo role reads them, one request at a time: the first page, then following nextCursor
 * to a deep page, for the instance list (plain, filtered, every sort both ways), the inbox, messages,
 * findings and (auditor) the audit log.
 */
import { jsonOf, request, type TSession } from './http.js';
import { latency, type TLatency } from './stats.js';

export const LIST_ROLES = [
  'admin',
  'reviewer',
  'lead1',
  'principal1',
  'teacher1',
  'inspector1',
  'expert1',
  'dept1',
  'auditor',
] as const;
const SORTS = ['updatedAt', 'createdAt', 'dueAt', 'state'].flatMap((s) =>
  ['asc', 'desc'].map((o) => `sort=${s}&order=${o}`),
);
const INSTANCE_QUERIES = ['', 'state=selfCheck', 'overdue=1', 'notice=1', ...SORTS];
const DEEP_PAGES = 20;
const LIMIT = 50;
/** A walk stops early once it has spent this long (so a slow list cannot hold the run for hours). */
const WALK_BUDGET_MS = 10_000;

export type TWalk = {
  who: string;
  path: string;
  pages: number;
  rows: number;
  firstMs: number;
  deepMs: number | null;
  latency: TLatency;
  status: number;
  /** Each page's time, in order (to pool the same walks across runs). */
  pageMs: number[];
};
export type TLists = { all: TLatency; first: TLatency; deep: TLatency; walks: TWalk[] };

export function listPaths(who: string): string[] {
  const paths = INSTANCE_QUERIES.map((q) => `/api/instances${q ? `?${q}` : ''}`);
  paths.push('/api/tasks', '/api/notifications', '/api/findings');
  if (who === 'auditor') paths.push('/api/audit');
  return paths;
}

async function walk(
  nodeOf: (page: number) => string,
  s: TSession,
  path: string,
): Promise<{ walk: TWalk; samples: number[] }> {
  const samples: number[] = [];
  let cursor: string | null = null;
  let rows = 0;
  let status = 200;
  let deepMs: number | null = null;
  let spent = 0;
  for (let page = 0; page <= DEEP_PAGES && spent < WALK_BUDGET_MS; page++) {
    const url = `${nodeOf(page)}${path}${path.includes('?') ? '&' : '?'}limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await request(url, { headers: { cookie: s.cookie }, timeoutMs: 120_000 });
    samples.push(res.ms);
    spent += res.ms;
    if (res.status !== 200) {
      status = res.status;
      break;
    }
    const body = jsonOf<{ items: unknown[]; nextCursor: string | null }>(res);
    rows += body.items.length;
    if (page === DEEP_PAGES) deepMs = res.ms;
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return {
    walk: {
      who: s.username,
      path,
      pages: samples.length,
      rows,
      firstMs: samples[0],
      deepMs,
      latency: latency(samples),
      status,
      pageMs: samples,
    },
    samples,
  };
}

/** With several bases (API nodes on one database), a walk's pages alternate between them: a cursor one node gave, the next follows. */
export async function measureLists(
  bases: string | string[],
  sessions: Map<string, TSession>,
  log: (s: string) => void,
): Promise<TLists> {
  const nodes = [bases].flat();
  const nodeOf = (page: number) => nodes[page % nodes.length];
  const walks: TWalk[] = [];
  // Every page of every walk a role may read counts once; lists it may not read (403) are left out of
  // the figures, and the JSON keeps them with their status.
  const all: number[] = [];
  for (const who of LIST_ROLES) {
    const s = sessions.get(who)!;
    for (const path of listPaths(who)) {
      const w = await walk(nodeOf, s, path);
      walks.push(w.walk);
      if (w.walk.status === 200) all.push(...w.samples);
    }
    const mine = walks.filter((w) => w.who === who && w.status === 200);
    log(
      `  lists as ${who}: ${mine.length} lists, ${mine.reduce((a, w) => a + w.pages, 0)} pages, slowest p99 ${Math.max(...mine.map((w) => w.latency.p99)).toFixed(1)} ms`,
    );
  }
  const ok = walks.filter((w) => w.status === 200);
  return {
    all: latency(all),
    first: latency(ok.map((w) => w.firstMs)),
    deep: latency(ok.flatMap((w) => (w.deepMs === null ? [] : [w.deepMs]))),
    walks,
  };
}
