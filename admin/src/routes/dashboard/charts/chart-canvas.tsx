import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  type Plugin,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

import { reducedMotion } from '../../../config/reduced-motion';
import { theme } from '../../../config/theme';
import type { Series } from './chart-series';

// Only what the dashboard draws: bars and doughnuts on category/value axes, with tooltips and legends.
Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = theme.token?.fontFamily ?? Chart.defaults.font.family;
Chart.defaults.color = 'rgba(0, 0, 0, 0.65)';

/** `bar`: horizontal bars (categories down the side); `column`: vertical; `doughnut`: slices. */
export type ChartKind = 'bar' | 'column' | 'doughnut';

type Props<R> = {
  kind: ChartKind;
  series: Series<R>;
  height: number;
  /** Datasets on top of each other (a bar per category) rather than side by side. */
  stacked?: boolean;
  legend?: 'top' | 'bottom';
  /** Writes each bar's value at its end. */
  valueLabel?: (value: number) => string;
  maxBarThickness?: number;
  /** A click on a bar or slice: the report row it stands for. */
  onPick?: (row: R) => void;
  /** What the chart shows, for screen readers (the canvas is an image to them). */
  ariaLabel: string;
};

/** Each bar's value, written just past its end (horizontal) or above it (vertical). */
function valueLabels(format: (value: number) => string, horizontal: boolean): Plugin<'bar'> {
  return {
    id: 'eduflowValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `11px ${Chart.defaults.font.family ?? 'sans-serif'}`;
      ctx.fillStyle = 'rgba(0, 0, 0, 0.65)';
      ctx.textBaseline = horizontal ? 'middle' : 'bottom';
      ctx.textAlign = horizontal ? 'left' : 'center';
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        meta.data.forEach((bar, i) => {
          const value = dataset.data[i];
          if (typeof value !== 'number') return;
          const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
          ctx.fillText(format(value), horizontal ? x + 4 : x, horizontal ? y : y - 2);
        });
      });
      ctx.restore();
    },
  };
}

function configOf<R>(p: Props<R>): ChartConfiguration<'bar'> | ChartConfiguration<'doughnut'> {
  const legend = {
    display: p.legend !== undefined,
    position: p.legend,
    align: p.legend === 'top' ? ('start' as const) : ('center' as const),
    labels: { boxWidth: 12, boxHeight: 12 },
  };
  const interaction = { mode: 'nearest' as const, intersect: true };
  const animation = { duration: reducedMotion ? 0 : 400 };
  if (p.kind === 'doughnut') {
    return {
      type: 'doughnut',
      data: {
        labels: p.series.labels,
        datasets: p.series.datasets.map((d) => ({
          label: d.label,
          data: d.data.map((v) => v ?? 0),
          backgroundColor: d.color,
          borderWidth: 1,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation,
        cutout: '60%',
        interaction,
        plugins: { legend },
      },
    };
  }
  const horizontal = p.kind === 'bar';
  const values = {
    beginAtZero: true,
    stacked: p.stacked,
    ticks: { precision: 0 },
    grid: { color: '#f0f0f0' },
    grace: p.valueLabel ? '8%' : 0,
  };
  const categories = { stacked: p.stacked, grid: { display: false }, ticks: { autoSkip: false } };
  return {
    type: 'bar',
    data: {
      labels: p.series.labels,
      datasets: p.series.datasets.map((d) => ({
        label: d.label,
        data: d.data,
        backgroundColor: d.color,
        maxBarThickness: p.maxBarThickness,
        skipNull: !p.stacked,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation,
      indexAxis: horizontal ? 'y' : 'x',
      interaction,
      scales: horizontal ? { x: values, y: categories } : { x: categories, y: values },
      plugins: { legend },
    },
    plugins: p.valueLabel ? [valueLabels(p.valueLabel, horizontal)] : [],
  };
}

/**
 * A Chart.js canvas for one report card: drawn from a Series, redrawn when the figures change, and a
 * click on a mark hands its row to `onPick` (read through a ref: the handler of the latest render, so
 * a click sees the dashboard's current filters).
 */
export function ChartCanvas<R>(props: Props<R>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const { kind, series, height, stacked, legend, maxBarThickness, valueLabel } = props;
  const drawn = JSON.stringify({
    kind,
    labels: series.labels,
    datasets: series.datasets,
    stacked,
    legend,
    maxBarThickness,
    labelled: !!valueLabel,
  });
  useEffect(() => {
    const el = canvas.current;
    if (!el) return undefined;
    const config = configOf(latest.current);
    config.options = {
      ...config.options,
      onClick: (_event, elements) => {
        const mark = elements[0];
        const row = mark ? latest.current.series.rowAt(mark.datasetIndex, mark.index) : undefined;
        if (row !== undefined) latest.current.onPick?.(row);
      },
      onHover: (_event, elements) => {
        el.style.cursor = elements.length > 0 && latest.current.onPick ? 'pointer' : 'default';
      },
    };
    const chart = new Chart(el, config as ChartConfiguration);
    return () => chart.destroy();
  }, [drawn]);
  return (
    <div style={{ position: 'relative', height, width: '100%' }}>
      <canvas ref={canvas} role="img" aria-label={props.ariaLabel} />
    </div>
  );
}
