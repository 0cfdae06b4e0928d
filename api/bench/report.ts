/** docs/bench/latest.md and .json: machine, scales side by side with the growth ratio, targets met or not. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { FIGURES, FLAT_LIMIT, flatVerdict, fmt, growth, TARGETS } from './figures.js';
import type { TScaleResult } from './measure-scale.js';

export type TMachine = {
  cores: number;
  cpu: string;
  node: string;
  platform: string;
  loadAverage: number[];
  pinned: boolean;
  loadGeneratorPinned: boolean;
};
export type TRun = {
  date: string;
  command: string;
  machine: TMachine;
  durationSeconds: number;
  connections: number;
  cpuProf: boolean;
  scales: TScaleResult[];
};

export const scaleLabel = (r: TScaleResult) =>
  r.instances >= 1_000_000 ? `${+(r.instances / 1_000_000).toFixed(2)}M` : `${+(r.instances / 1000).toFixed(1)}k`;
const mark = (met: boolean | null) => (met === null ? '—' : met ? '✅ met' : '❌ not met');

function markdown(run: TRun): string {
  const rs = run.scales;
  const small = rs[0];
  const large = rs[rs.length - 1];
  const two = rs.length > 1;
  const head = (extra: string[]) =>
    `| ${['', ...rs.map(scaleLabel), ...extra].join(' | ')} |\n|${['---', ...rs.map(() => '---:'), ...extra.map(() => '---')].join('|')}|`;
  const flat = flatVerdict(rs);
  const lines: string[] = [
    '# EduFlow benchmark — issue 11, over HTTP',
    '',
    `Run ${run.date} with \`${run.command}\` on ${run.machine.cores} cores (${run.machine.cpu}), Node ${run.machine.node}, ${run.machine.platform};`,
    `load average at start ${run.machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')}. ` +
      (run.machine.pinned
        ? 'Each server ran alone, pinned to core 1 (`taskset -c 1`); the load generator ran on core 0.'
        : 'Servers were not pinned (no taskset or one core).'),
    `Loads: ${run.connections} keep-alive connections for ${run.durationSeconds} s after a 1 s warm-up. The machine is shared with other work, so absolute figures are noisy; ratios within one run are what to read.` +
      (run.cpuProf ? ' **The API server ran under `--cpu-prof`: its figures are slower than without.**' : ''),
    '',
    rs
      .map(
        (r) =>
          `- **${scaleLabel(r)}**: ${r.instances.toLocaleString('en')} instances (${r.runningInstances.toLocaleString('en')} running), ${r.auditEvents.toLocaleString('en')} audit events, ${(r.dbBytes / 2 ** 30).toFixed(2)} GB database (${r.source}); ${r.timersBacklog.toLocaleString('en')} timers already due at the start were marked fired first.`,
      )
      .join('\n'),
    '',
    '## Issue 11 targets',
    '',
    head(['met']),
    `| Flat: every flat figure (⇵ below) grows ≤ ${FLAT_LIMIT}×${two ? ` from ${scaleLabel(small)} to ${scaleLabel(large)}` : ''} | ${rs.map((_, i) => (i === rs.length - 1 ? flat.value : '')).join(' | ')} | ${mark(flat.met)} |`,
  ];
  for (const t of TARGETS) {
    const verdicts = rs.map((r) => t.judge(r));
    // Judged at the largest city; the smaller one is shown for comparison.
    lines.push(
      `| ${t.name} | ${verdicts.map((v) => `${v.value}${v.met === false ? ' ❌' : ''}`).join(' | ')} | ${mark(verdicts[verdicts.length - 1].met)} |`,
    );
  }
  lines.push(
    '',
    `"met" is judged at the largest scale run (${scaleLabel(large)}).`,
    '',
    '## Figures',
    '',
    head(two ? [`${scaleLabel(large)}/${scaleLabel(small)}`] : []),
  );
  for (const f of FIGURES) {
    const ratio = two
      ? [`${fmt(f.value(large) / f.value(small))}${f.flat && !(growth(f, small, large) <= FLAT_LIMIT) ? ' ❌' : ''}`]
      : [];
    lines.push(
      `| ${[`${f.flat ? '⇵ ' : ''}${f.label} (${f.unit})`, ...rs.map((r) => fmt(f.value(r))), ...ratio].join(' | ')} |`,
    );
  }
  lines.push(
    '',
    'Errors by status during the event loads: ' +
      rs
        .map(
          (r) =>
            `${scaleLabel(r)} real ${JSON.stringify(r.api.events.load.errors)} (re-read versions ${r.api.events.resyncs}), bare ${JSON.stringify(r.bare.events.errors)}`,
        )
        .join('; ') +
      '.',
  );
  lines.push('', '## Slowest lists (p99 over the pages walked)', '');
  for (const r of rs) {
    lines.push(
      `**${scaleLabel(r)}**`,
      '',
      '| who | list | pages | first | page 21 | p50 | p99 |',
      '|---|---|---:|---:|---:|---:|---:|',
    );
    const walks = r.api.lists.walks
      .filter((w) => w.status === 200)
      .sort((a, b) => b.latency.p99 - a.latency.p99)
      .slice(0, 10);
    for (const w of walks)
      lines.push(
        `| ${w.who} | \`${w.path}\` | ${w.pages} | ${fmt(w.firstMs)} | ${w.deepMs === null ? '—' : fmt(w.deepMs)} | ${fmt(w.latency.p50)} | ${fmt(w.latency.p99)} |`,
      );
    const refused = r.api.lists.walks.filter((w) => w.status !== 200);
    if (refused.length)
      lines.push(
        '',
        `Not readable by the role (left out): ${refused.map((w) => `${w.who} \`${w.path}\` ${w.status}`).join(', ')}.`,
      );
    lines.push('');
  }
  lines.push(
    '## Storage: largest tables and indexes, bytes per instance',
    '',
    head([]).replace('|  |', '| table or index |'),
  );
  const names = [...new Set(rs.flatMap((r) => r.storage.map((t) => t.name)))];
  const perInstance = (r: TScaleResult, name: string) => {
    const t = r.storage.find((x) => x.name === name);
    return t ? fmt(t.bytes / r.instances) : '—';
  };
  for (const name of names) lines.push(`| ${name} | ${rs.map((r) => perInstance(r, name)).join(' | ')} |`);
  lines.push('');
  lines.push('## Dashboards and reports', '', head([]).replace('|  |', '| who · report |'));
  const items = rs[0].api.reports.items.map((it, i) => ({ it, all: rs.map((r) => r.api.reports.items[i]) }));
  for (const { it, all } of items)
    lines.push(
      `| ${it.who} · \`${it.path}\` | ${all.map((x) => `p50 ${fmt(x.latency.p50)} · p99 ${fmt(x.latency.p99)}${x.status === 200 ? '' : ` (${x.status})`}`).join(' | ')} |`,
    );
  lines.push(
    '',
    '## How the figures are taken',
    '',
    '- **Events**: each connection is a different principal saving (暂存, `SAVE`) the self-check of a running inspection at their own school, with `expectedVersion` from the previous answer; a 409 (the scheduler moved the instance) re-reads the version and is counted. The **bare endpoint** (`api/bench/bare-endpoint.ts`) does the same work plainly on its own copy: row load, one CASL rule, an XState v5 transition of a tiny machine, version-checked UPDATE, hash-chained audit INSERT, prepared statements in one `BEGIN IMMEDIATE`.',
    '- **Health while saturated**: `GET /api/health` on a new connection every 20 ms during the event load. During bulk, export and verify: every 10 ms (sequential, so the max is the longest stall).',
    '- **Lists**: sequential, `limit=50`, first page then `nextCursor` up to page 21, for admin, reviewer, lead1, principal1, teacher1, inspector1, expert1, dept1, auditor: instances plain, `state=selfCheck`, `overdue=1`, `notice=1` and every sort both ways; tasks, notifications, findings; audit (auditor). "every page" pools all pages of all lists.',
    '- **Excel**: `GET /api/exports/instances.xlsx` as admin for the newest 100k instances (`from=`), or all of them in a smaller city; rows counted in the file against the database; peak RSS is the server’s VmHWM during the export, on a server restarted just before it (the resident size the earlier loads left in the long-running process is shown beside it).',
    '- **Scheduler tick**: after the rest, the 100 soonest open timers are made due in the live database and `/api/health` is polled every 10 ms until the scheduler (a tick every 30 s, up to 100 timers) has fired them. Timers the cached city already had due were marked fired before the start, as a live server would have fired them on time.',
    '- **Database per instance**: file size (audit events included, 10 per instance) / instances. **Start**: spawn of `node --import tsx api/src/server.ts` (as `npm start`, TypeScript compiled on the fly) to the first healthy answer.',
    '',
  );
  return lines.join('\n');
}

export function writeReport(run: TRun, out: string): void {
  mkdirSync(dirname(out), { recursive: true });
  const targets = TARGETS.map((t) => ({
    name: t.name,
    byScale: Object.fromEntries(run.scales.map((r) => [scaleLabel(r), t.judge(r)])),
  }));
  const figures = FIGURES.map((f) => ({
    label: f.label,
    unit: f.unit,
    flat: f.flat ?? false,
    byScale: Object.fromEntries(run.scales.map((r) => [scaleLabel(r), f.value(r)])),
  }));
  writeFileSync(
    `${out}.json`,
    `${JSON.stringify({ ...run, flat: flatVerdict(run.scales), targets, figures }, null, 2)}\n`,
  );
  writeFileSync(`${out}.md`, markdown(run));
}
