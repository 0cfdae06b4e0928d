import type { StatutoryDay } from '../../types/contract';

/** A festival as the State Council's notice lists it: its days off (as runs of dates) and its make-up workdays. */
export type Festival = { name: string; ranges: Array<[string, string]>; makeUp: string[] };

const DAY_MS = 86_400_000;
const nextDate = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Every date from `from` to `to`, inclusive (local dates, YYYY-MM-DD). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = nextDate(d)) out.push(d);
  return out;
}

/**
 * Days grouped back into festivals, in the order of their first date: consecutive days off of one
 * festival become one run, and each make-up workday joins its festival.
 */
export function festivalsOf(holidays: StatutoryDay[], workdays: StatutoryDay[]): Festival[] {
  const byName = new Map<string, Festival>();
  const first = new Map<string, string>();
  const festival = (name: string, date: string) => {
    if (!first.has(name) || date < (first.get(name) ?? '')) first.set(name, date);
    let f = byName.get(name);
    if (!f) byName.set(name, (f = { name, ranges: [], makeUp: [] }));
    return f;
  };
  for (const { date, name } of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    const f = festival(name, date);
    const last = f.ranges.at(-1);
    if (last && nextDate(last[1]) === date) last[1] = date;
    else f.ranges.push([date, date]);
  }
  for (const { date, name } of [...workdays].sort((a, b) => a.date.localeCompare(b.date)))
    festival(name, date).makeUp.push(date);
  return [...byName.values()].sort((a, b) => (first.get(a.name) ?? '').localeCompare(first.get(b.name) ?? ''));
}
