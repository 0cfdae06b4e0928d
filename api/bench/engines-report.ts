/** docs/bench/engines.md and .json: per scale, each configuration's event rate and latencies and list latencies. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { TConfigResult } from './engines-run.js';
import { fmt } from './figures.js';
import type { TWalk } from './measure-lists.js';
import type { TMachine } from './report.js';
import { latency } from './stats.js';

export type TEnginesScale = {
  scale: number;
  instances: number;
  runningInstances: number;
  auditEvents: number;
  sqliteBytes: number;
  timersBacklog: number;
  pruned: { timers: number; notifications: number };
  copy: { ms: number; rows: number; tables: number };
  configurations: TConfigResult[];
};

export type TEnginesRun = {
  date: string;
  command: string;
  machine: TMachine & { loadAverageAtEnd: number[] };
  postgres: { version: string; pinned: boolean; settings: Record<string, string> };
  durationSeconds: number;
  connections: number;
  rounds: number;
  slowMs: number;
  serverCpus: string;
  scales: TEnginesScale[];
};

const label = (s: TEnginesScale) =>
  s.instances >= 1_000_000 ? `${+(s.instances / 1_000_000).toFixed(2)}M` : `${+(s.instances / 1000).toFixed(1)}k`;
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const errors = (e: Record<string, number>) =>
  Object.keys(e).length
    ? Object.entries(e)
        .map(([k, v]) => `${v}× ${k}`)
        .join(', ')
    : 'none';

/** The median of the rounds' event rates, per configuration, for the ratios quoted under the table. */
function medianRps(rs: TConfigResult[], key: string): number {
  const v = rs
    .filter((r) => r.key === key)
    .map((r) => r.events.load.rps)
    .sort((a, b) => a - b);
  return v.length ? latency(v).p50 : NaN;
}

const walkKey = (w: TWalk) => `${w.who} ${w.path}`;

/** The walks every configuration answered (200), so that each configuration's figure pools the same lists. */
function commonWalks(rs: TConfigResult[]): Set<string> {
  const answered = rs.map((r) => new Set(r.lists.walks.filter((w) => w.status === 200).map(walkKey)));
  return new Set([...answered[0]].filter((k) => answered.every((a) => a.has(k))));
}

function scaleSection(run: TEnginesRun, s: TEnginesScale): string[] {
  const common = commonWalks(s.configurations);
  const commonLatency = (r: TConfigResult) =>
    latency(r.lists.walks.filter((w) => common.has(walkKey(w))).flatMap((w) => w.pageMs));
  const lines = [
    `## ${label(s)}: ${s.instances.toLocaleString('en')} instances`,
    '',
    `${s.runningInstances.toLocaleString('en')} running, ${s.auditEvents.toLocaleString('en')} audit events, SQLite file ${(s.sqliteBytes / 2 ** 20).toFixed(0)} MB; ${s.timersBacklog.toLocaleString('en')} timers already due marked fired and ${s.pruned.timers.toLocaleString('en')} timers and ${s.pruned.notifications.toLocaleString('en')} notifications pruned (as a live server would have) before the copy. Copied into PostgreSQL (${s.copy.rows.toLocaleString('en')} rows of ${s.copy.tables} tables, then VACUUM ANALYZE) in ${(s.copy.ms / 1000).toFixed(1)} s.`,
    '',
    `Lists: p50/p99 over every page of the ${common.size} lists that every configuration answered (of ${s.configurations[0]?.lists.walks.length ?? 0} walked); "lists failed" counts the lists a configuration answered with an error.`,
    '',
    '| configuration | round | events/s | event p50 (ms) | event p99 (ms) | event errors | list p50 (ms) | list p99 (ms) | pages | lists failed | health p99 (ms) |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of s.configurations) {
    const e = r.events.load;
    const l = commonLatency(r);
    const failed = r.lists.walks.filter((w) => w.status !== 200).length;
    lines.push(
      `| ${r.label} | ${r.round} | ${fmt(e.rps)} | ${fmt(e.latency.p50)} | ${fmt(e.latency.p99)} | ${errors(e.errors)} | ${fmt(l.p50)} | ${fmt(l.p99)} | ${l.n} | ${failed} | ${fmt(r.events.health.p99)} |`,
    );
  }
  const sqlite = medianRps(s.configurations, 'sqlite-1');
  const one = medianRps(s.configurations, 'pg-1');
  const two = medianRps(s.configurations, 'pg-2');
  lines.push(
    '',
    `Event rate${run.rounds > 1 ? ' (median of the rounds)' : ''}: PostgreSQL one node ${fmt((one / sqlite) * 100)} % of SQLite's; two nodes ${fmt((two / one) * 100)} % of one node's.`,
  );
  const failed = s.configurations.filter((r) => r.serverErrors.length);
  if (failed.length) {
    lines.push('', 'What the nodes logged for the requests they failed:', '');
    lines.push('| configuration | round | endpoint | message | times |', '|---|---:|---|---|---:|');
    for (const r of failed)
      for (const e of r.serverErrors)
        lines.push(`| ${r.label} | ${r.round} | \`${e.endpoint}\` | ${e.message.replace(/\|/g, '\\|')} | ${e.count} |`);
  }
  for (const r of s.configurations)
    for (const d of r.died)
      lines.push(
        '',
        `**Node ${d.node} of ${r.label} (round ${r.round}) ended during the run** (exit code ${d.code}, signal ${d.signal}); its last lines:`,
        '',
        '```',
        ...d.lastLines.map((l) => l.slice(0, 300)),
        '```',
      );
  // Grouped by list and answer: one failing endpoint walked by every role in every configuration is one line.
  const refused = new Map<string, string[]>();
  for (const r of s.configurations)
    for (const w of r.lists.walks.filter((x) => x.status !== 200)) {
      const key = `\`${w.path}\` ${w.status}`;
      refused.set(key, [...(refused.get(key) ?? []), `${r.key}#${r.round} ${w.who}`]);
    }
  if (refused.size) {
    lines.push('', 'Lists not answered 200 (left out of the figures):', '');
    for (const [list, where] of refused)
      lines.push(
        `- ${list} × ${where.length}: ${where.slice(0, 6).join(', ')}${where.length > 6 ? ` and ${where.length - 6} more` : ''}`,
      );
  }
  lines.push(...slowPlansSection(run, s), '');
  return lines;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/**
 * The statements PostgreSQL took longer than `--slow-ms` over, by configuration: what was slow and whether
 * its plan scanned a table or sorted (the slowest few plans in full, the rest in the .json).
 */
function slowPlansSection(run: TEnginesRun, s: TEnginesScale): string[] {
  const withPlans = s.configurations.filter((r) => r.slowPlans);
  if (!withPlans.length) return [];
  const lines = [
    '',
    `PostgreSQL statements over ${run.slowMs} ms while each configuration ran (\`auto_explain\`, nested statements included; estimated plans, slowest total first):`,
    '',
    '| configuration | round | statement | times | max (ms) | total (ms) | seq scans | sorts |',
    '|---|---:|---|---:|---:|---:|---|---|',
  ];
  for (const r of withPlans) {
    if (!r.slowPlans?.length) lines.push(`| ${r.label} | ${r.round} | none | | | | | |`);
    for (const p of r.slowPlans?.slice(0, 15) ?? [])
      lines.push(
        `| ${r.label} | ${r.round} | \`${cell(p.query.slice(0, 140))}${p.query.length > 140 ? '…' : ''}\` | ${p.times} | ${fmt(p.maxMs)} | ${fmt(p.totalMs)} | ${p.seqScans.join(', ') || '—'} | ${cell(p.sorts.join('; ')) || '—'} |`,
      );
  }
  const slowest = withPlans
    .flatMap((r) => r.slowPlans ?? [])
    .sort((a, b) => b.maxMs - a.maxMs)
    .filter((p, i, all) => all.findIndex((q) => q.query === p.query) === i)
    .slice(0, 5);
  for (const p of slowest)
    lines.push('', `Plan of \`${cell(p.query.slice(0, 200))}\` (${fmt(p.maxMs)} ms):`, '', '```', p.plan, '```');
  return lines;
}

function markdown(run: TEnginesRun): string {
  const m = run.machine;
  const pgs = run.postgres.settings;
  return [
    '# EduFlow benchmark — both engines, one and two nodes (issue 14)',
    '',
    `Run ${run.date} with \`${run.command}\` on ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.platform};`,
    `load average ${loads(m.loadAverage)} at the start and ${loads(m.loadAverageAtEnd)} at the end (1 / 5 / 15 min): the machine is shared with other work, so the figures are noisy; compare configurations within one run.`,
    m.pinned
      ? `Everything that answers a request — the API node(s) and PostgreSQL — was pinned to core(s) ${run.serverCpus} (\`taskset\`; PostgreSQL ${run.postgres.pinned ? 'pinned' : '**not** pinned'}); the load generator ran on core 0. Each configuration has the same CPU budget, so two nodes here measure what sharing one database costs, not what a second machine would add.`
      : 'Nothing was pinned (no taskset or one core).',
    `${run.postgres.version.split(',')[0]}, the test harness's cluster (api/src/test/postgres.ts) with fsync=${pgs.fsync}, synchronous_commit=${pgs.synchronous_commit}, full_page_writes=${pgs.full_page_writes}, shared_buffers=${pgs.shared_buffers}; each API node's pool is the default 10 connections. SQLite runs WAL with synchronous=NORMAL (no fsync per commit).`,
    `Same city, duration and load for every configuration: ${run.connections} keep-alive connections for ${run.durationSeconds} s after a 1 s warm-up${run.rounds > 1 ? `, ${run.rounds} rounds taken in turn` : ''}.`,
    '',
    ...run.scales.flatMap((s) => scaleSection(run, s)),
    '## How the figures are taken',
    '',
    '- **The configurations**: (1) the built server (`api/dist/server.js`, as `npm start`) on a copy of the cached SQLite city; (2) the same server with `EDUFLOW_DATABASE_URL` on a PostgreSQL database holding the same city; (3) two such servers on one such database. Each configuration starts from the same data (a fresh file copy, or a fresh `CREATE DATABASE … TEMPLATE` of the copied city).',
    '- **The city in PostgreSQL** (`api/bench/pg-city.ts`): the server’s PostgreSQL migrations, then every table’s rows streamed from the SQLite file with `COPY … FROM STDIN`, secondary indexes dropped meanwhile and made again after, triggers off (`session_replication_role = replica`, so tallies and the audit chain are copied as they are), then `VACUUM ANALYZE`.',
    '- **Events**: as in `npm run bench` — each connection a different principal saving (`SAVE`) the self-check of their own school’s running inspection with the version the previous answer returned; with two nodes, connection i goes to node i mod 2. Health: `GET /api/health` on a new connection every 20 ms during the load (node 1).',
    '- **Lists**: as in `npm run bench` — every demo role’s lists read one page at a time (first page, then `nextCursor` up to page 21), all pages pooled; with two nodes a walk’s pages alternate between the nodes (a cursor one node gave, the other follows).',
    '- A scale of 1 (1M instances; `--scale 1`) builds its SQLite city first (about 20 minutes, cached in `.bench/`) and copies it into PostgreSQL.',
    '',
  ].join('\n');
}

export function writeEnginesReport(run: TEnginesRun, out: string): void {
  mkdirSync(dirname(out), { recursive: true });
  // Each page's time is pooled into the figures above; the file keeps each walk's summary, not every page,
  // written compact: it is read by programs, the .md by people.
  const withoutPages = (key: string, value: unknown) => (key === 'pageMs' ? undefined : value);
  writeFileSync(`${out}.json`, `${JSON.stringify(run, withoutPages)}\n`);
  writeFileSync(`${out}.md`, markdown(run));
}
