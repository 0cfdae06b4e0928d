import { useCallback, useRef } from 'react';

export type Datum = Record<string, unknown>;

/**
 * A filter for the events @ant-design/plots hands to `onEvent`, keeping only real clicks on a datum.
 * Why it looks like this (seen in Chromium, logged event by event):
 * - the wrapper re-emits each G2 event under its DOM type, so a click on a bar or slice arrives typed
 *   plain 'click' with `nativeEvent: true` — never 'element:click' (the name G2's docs use);
 * - it arrives twice as the SAME object (once as element:click, once as interval:click), and the canvas
 *   dispatches the whole click a second time as NEW objects with the same `timeStamp`: one physical click
 *   reached the handler four times and pushed the list four times. A click is therefore known by its
 *   object and by its timeStamp; only the first delivery goes through;
 * - a click on empty plot area, an axis or the legend carries no datum and must open nothing.
 * Each chart needs its own filter (see useChartClick) so one chart's event never shadows another's.
 */
export function createClickFilter(): (event: unknown) => Datum | null {
  const seen = new WeakSet<object>();
  let lastTimeStamp: number | undefined;
  return (event) => {
    if (typeof event !== 'object' || event === null || seen.has(event)) return null;
    const e = event as { type?: unknown; nativeEvent?: unknown; timeStamp?: unknown; data?: { data?: unknown } };
    if (e.type !== 'click' || e.nativeEvent !== true) return null;
    const d = e.data?.data;
    if (typeof d !== 'object' || d === null || Array.isArray(d)) return null;
    if (typeof e.timeStamp === 'number') {
      if (e.timeStamp === lastTimeStamp) return null;
      lastTimeStamp = e.timeStamp;
    }
    seen.add(event);
    return d as Datum;
  };
}

/**
 * A stable `onEvent` for an @ant-design/plots chart that calls `handler` with the clicked datum.
 * The chart is created once and keeps the `onEvent` it was first given, so the handler is read through a
 * ref: a click always sees the dashboard's current filters, not those of the first render.
 */
export function useChartClick(handler: (datum: Datum) => void): (chart: unknown, event: unknown) => void {
  const latest = useRef(handler);
  latest.current = handler;
  const filter = useRef<ReturnType<typeof createClickFilter> | null>(null);
  return useCallback((_chart: unknown, event: unknown) => {
    filter.current ??= createClickFilter();
    const datum = filter.current(event);
    if (datum) latest.current(datum);
  }, []);
}

/** A datum's field as a non-empty string, or undefined (data rows are built by us, but the event is not typed). */
export const str = (d: Datum, field: string): string | undefined => {
  const v = d[field];
  return typeof v === 'string' && v !== '' ? v : undefined;
};
