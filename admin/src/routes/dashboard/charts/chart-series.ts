/** The palette the dashboard's categories take in turn (G2's, which the charts used before). */
export const PALETTE = [
  '#1783FF',
  '#00C9C9',
  '#F0884D',
  '#D580FF',
  '#7863FF',
  '#60C42D',
  '#BD8F24',
  '#FF80CA',
  '#2491B3',
  '#17C76F',
];

export type Dataset = { label: string; data: Array<number | null>; color: string | string[] };

/**
 * What a chart draws, in Chart.js's terms (category labels, datasets of values), together with the way
 * back from a drawn mark (dataset, index) to the report row it stands for: a click opens that row's list.
 */
export type Series<R> = {
  labels: string[];
  datasets: Dataset[];
  rowAt: (dataset: number, index: number) => R | undefined;
};

/** One bar or slice per row; `color` one for all, or per row (a slice's, a severity's). */
export function perRow<R>(
  rows: R[],
  label: (r: R) => string,
  value: (r: R) => number,
  color: string | ((r: R, i: number) => string),
  name = '',
): Series<R> {
  return {
    labels: rows.map(label),
    datasets: [{ label: name, data: rows.map(value), color: typeof color === 'string' ? color : rows.map(color) }],
    rowAt: (dataset, index) => (dataset === 0 ? rows[index] : undefined),
  };
}

/**
 * Rows split two ways: one category per distinct `category` (in order of appearance) and one dataset per
 * distinct `series` — stacked or side by side. A category without a row of some series draws nothing there.
 */
export function bySeries<R>(
  rows: R[],
  category: (r: R) => string,
  series: (r: R) => string,
  value: (r: R) => number,
  color: (series: string, i: number) => string = (_, i) => PALETTE[i % PALETTE.length]!,
): Series<R> {
  const labels = [...new Set(rows.map(category))];
  const names = [...new Set(rows.map(series))];
  const cell = new Map(rows.map((r) => [`${series(r)}\u0000${category(r)}`, r]));
  const at = (s: string, c: string) => cell.get(`${s}\u0000${c}`);
  return {
    labels,
    datasets: names.map((s, i) => ({
      label: s,
      data: labels.map((c) => {
        const r = at(s, c);
        return r ? value(r) : null;
      }),
      color: color(s, i),
    })),
    rowAt: (dataset, index) => {
      const s = names[dataset];
      const c = labels[index];
      return s === undefined || c === undefined ? undefined : at(s, c);
    },
  };
}
