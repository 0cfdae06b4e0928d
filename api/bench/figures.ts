/** The figures the report quotes per scale, and issue 11's targets judged on them. */
import type { TScaleResult } from './measure-scale.js';

export const FLAT_LIMIT = 1.5;

/** `flat`: a figure that must not grow with the city (ratio of the largest to the smallest scale ≤ FLAT_LIMIT). */
export type TFigure = {
  label: string;
  unit: string;
  value: (r: TScaleResult) => number;
  better: 'lower' | 'higher';
  flat?: boolean;
};

const per100k = (r: TScaleResult) => (r.api.export.rows ? (r.api.export.ms * 100_000) / r.api.export.rows : NaN);
const consoleMs = (r: TScaleResult) => ('medianMs' in r.api.console ? r.api.console.medianMs : NaN);
const worstReportP50 = (r: TScaleResult) =>
  Math.max(...r.api.reports.items.filter((i) => i.status === 200).map((i) => i.latency.p50));

export const FIGURES: TFigure[] = [
  {
    label: 'Events (SAVE) over HTTP, rate',
    unit: 'req/s',
    value: (r) => r.api.events.load.rps,
    better: 'higher',
    flat: true,
  },
  { label: 'Events, p50', unit: 'ms', value: (r) => r.api.events.load.latency.p50, better: 'lower', flat: true },
  { label: 'Events, p99', unit: 'ms', value: (r) => r.api.events.load.latency.p99, better: 'lower', flat: true },
  { label: 'Bare endpoint events, rate', unit: 'req/s', value: (r) => r.bare.events.rps, better: 'higher' },
  { label: 'Bare endpoint events, p99', unit: 'ms', value: (r) => r.bare.events.latency.p99, better: 'lower' },
  { label: 'Bare GET /const (ceiling), rate', unit: 'req/s', value: (r) => r.bare.constant.rps, better: 'higher' },
  { label: 'Events rate / bare rate', unit: '%', value: (r) => r.shareOfBare * 100, better: 'higher' },
  {
    label: 'Health (new connection) while saturated, p50',
    unit: 'ms',
    value: (r) => r.api.events.health.p50,
    better: 'lower',
  },
  { label: 'Health while saturated, p99', unit: 'ms', value: (r) => r.api.events.health.p99, better: 'lower' },
  { label: 'Health while saturated, max', unit: 'ms', value: (r) => r.api.events.health.max, better: 'lower' },
  { label: 'Lists, every page, p50', unit: 'ms', value: (r) => r.api.lists.all.p50, better: 'lower', flat: true },
  { label: 'Lists, every page, p99', unit: 'ms', value: (r) => r.api.lists.all.p99, better: 'lower', flat: true },
  { label: 'Lists, first page, p99', unit: 'ms', value: (r) => r.api.lists.first.p99, better: 'lower', flat: true },
  { label: 'Lists, page 21, p99', unit: 'ms', value: (r) => r.api.lists.deep.p99, better: 'lower', flat: true },
  {
    label: 'Dashboards and reports, p50',
    unit: 'ms',
    value: (r) => r.api.reports.all.p50,
    better: 'lower',
    flat: true,
  },
  {
    label: 'Dashboards and reports, p99',
    unit: 'ms',
    value: (r) => r.api.reports.all.p99,
    better: 'lower',
    flat: true,
  },
  { label: 'Slowest report, p50', unit: 'ms', value: worstReportP50, better: 'lower', flat: true },
  { label: 'Bulk start, 200 schools', unit: 'ms', value: (r) => r.api.bulk.ms, better: 'lower', flat: true },
  { label: 'Health during bulk, max', unit: 'ms', value: (r) => r.api.bulk.stall.max, better: 'lower' },
  { label: 'Excel export, rows', unit: 'rows', value: (r) => r.api.export.rows, better: 'higher' },
  { label: 'Excel export, time', unit: 'ms', value: (r) => r.api.export.ms, better: 'lower' },
  { label: 'Excel export, time per 100k rows', unit: 'ms', value: per100k, better: 'lower', flat: true },
  { label: 'Excel export, server peak RSS', unit: 'MB', value: (r) => r.api.export.peakRssMb, better: 'lower' },
  {
    label: 'Server RSS after the loads (before the export’s restart)',
    unit: 'MB',
    value: (r) => r.api.export.afterLoadsMb,
    better: 'lower',
  },
  { label: 'Health during export, max', unit: 'ms', value: (r) => r.api.export.stall.max, better: 'lower' },
  { label: 'Audit verify (whole chain)', unit: 'ms', value: (r) => r.api.verify.ms, better: 'lower' },
  { label: 'Health during audit verify, max', unit: 'ms', value: (r) => r.api.verify.stall.max, better: 'lower' },
  {
    label: 'Health during a 100-timer scheduler tick, max',
    unit: 'ms',
    value: (r) => r.api.schedulerTick.stall.max,
    better: 'lower',
  },
  {
    label: 'Bureau dashboard: sign-in click to figures shown (Chromium), median',
    unit: 'ms',
    value: consoleMs,
    better: 'lower',
    flat: true,
  },
  { label: 'Database per instance', unit: 'KB', value: (r) => r.bytesPerInstance / 1024, better: 'lower' },
  { label: 'Server start to healthy', unit: 'ms', value: (r) => r.api.startMs, better: 'lower', flat: true },
  {
    label: 'Bare endpoint start to healthy (tsx, few modules)',
    unit: 'ms',
    value: (r) => r.bare.startMs,
    better: 'lower',
  },
];

/** Largest over smallest scale, oriented so that > 1 always means "worse at the larger city". */
export function growth(f: TFigure, small: TScaleResult, large: TScaleResult): number {
  const a = f.value(small);
  const b = f.value(large);
  return f.better === 'lower' ? b / a : a / b;
}

export type TVerdict = { value: string; met: boolean | null };
export type TTarget = { name: string; judge: (r: TScaleResult) => TVerdict };

const under = (v: number, limit: number, unit: string): TVerdict => ({
  value: `${fmt(v)} ${unit}`,
  met: Number.isFinite(v) ? v < limit : false,
});
export const fmt = (v: number) =>
  !Number.isFinite(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);

export const TARGETS: TTarget[] = [
  {
    name: 'Events ≥ 50% of the bare endpoint’s rate (50 connections)',
    judge: (r) => ({ value: `${fmt(r.shareOfBare * 100)} %`, met: r.shareOfBare >= 0.5 }),
  },
  { name: 'Events p99 < 60 ms at 50 connections', judge: (r) => under(r.api.events.load.latency.p99, 60, 'ms') },
  {
    name: 'No health request waits > 100 ms while saturated',
    judge: (r) => ({ value: `max ${fmt(r.api.events.health.max)} ms`, met: r.api.events.health.max <= 100 }),
  },
  { name: 'Lists p50 < 10 ms', judge: (r) => under(r.api.lists.all.p50, 10, 'ms') },
  { name: 'Lists p99 < 30 ms', judge: (r) => under(r.api.lists.all.p99, 30, 'ms') },
  { name: 'Dashboards and reports p50 < 50 ms (slowest report)', judge: (r) => under(worstReportP50(r), 50, 'ms') },
  {
    name: 'Bulk start of 200 schools < 1 s',
    judge: (r) => ({
      ...under(r.api.bulk.ms, 1000, 'ms'),
      ...(r.api.bulk.started === 200
        ? {}
        : { value: `${fmt(r.api.bulk.ms)} ms, only ${r.api.bulk.started} started`, met: false }),
    }),
  },
  {
    name: 'Bulk start: no stall > 50 ms',
    judge: (r) => ({ value: `max ${fmt(r.api.bulk.stall.max)} ms`, met: r.api.bulk.stall.max <= 50 }),
  },
  {
    name: 'Excel 100k rows < 10 s',
    judge: (r) => ({
      value: `${fmt(per100k(r))} ms per 100k (${r.api.export.rows} rows in ${fmt(r.api.export.ms)} ms)`,
      met: per100k(r) < 10_000,
    }),
  },
  { name: 'Excel peak RSS < 300 MB', judge: (r) => under(r.api.export.peakRssMb, 300, 'MB') },
  {
    name: 'Excel: no truncation',
    judge: (r) => ({
      value: `${r.api.export.rows} of ${r.api.export.expectedRows} rows`,
      met: r.api.export.status === 200 && r.api.export.rows === r.api.export.expectedRows,
    }),
  },
  {
    name: 'Excel export: no stall > 50 ms',
    judge: (r) => ({ value: `max ${fmt(r.api.export.stall.max)} ms`, met: r.api.export.stall.max <= 50 }),
  },
  {
    name: 'Scheduler tick of 100 due timers: no stall > 50 ms',
    judge: (r) => ({ value: `max ${fmt(r.api.schedulerTick.stall.max)} ms`, met: r.api.schedulerTick.stall.max <= 50 }),
  },
  {
    name: 'Storage ≤ 5 KB per instance',
    judge: (r) => ({ value: `${fmt(r.bytesPerInstance / 1024)} KB`, met: r.bytesPerInstance <= 5 * 1024 }),
  },
  { name: 'Start < 2 s', judge: (r) => under(r.api.startMs, 2000, 'ms') },
  {
    name: 'Bureau dashboard shows its figures < 1.5 s after sign-in (Chromium)',
    judge: (r) => under(consoleMs(r), 1500, 'ms'),
  },
];

/** Flat: every flat figure's growth from the smallest to the largest scale ≤ FLAT_LIMIT. */
export function flatVerdict(results: TScaleResult[]): TVerdict & { worst: string | null } {
  if (results.length < 2) return { value: 'needs two scales', met: null, worst: null };
  const small = results[0];
  const large = results[results.length - 1];
  const ratios = FIGURES.filter((f) => f.flat).map((f) => ({ f, g: growth(f, small, large) }));
  const bad = ratios.filter((x) => !(x.g <= FLAT_LIMIT));
  const worst = ratios.reduce((a, b) => (b.g > a.g || !Number.isFinite(b.g) ? b : a));
  return {
    value: bad.length
      ? `${bad.length} of ${ratios.length} figures grow more; worst ${worst.f.label} ×${fmt(worst.g)}`
      : `worst ${worst.f.label} ×${fmt(worst.g)}`,
    met: bad.length === 0,
    worst: worst.f.label,
  };
}
