export type TGrain = 'all' | 'year' | 'month' | 'day';
export type TPeriodKey = { grain: TGrain; period: string };

const EARLIEST = '2000-01-01';
const DAY_MS = 86_400_000;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const monthEnd = (day: string) => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return addDays(d.toISOString().slice(0, 10), -1);
};

/**
 * The fewest tally periods that together cover the UTC days from..to (inclusive): whole years, then
 * whole months, then single days at the edges — at most a few dozen keys for any range, so the
 * dashboard's cost does not grow with how long the district has used EduFlow.
 */
export function periodsCovering(from: string | undefined, to: string): TPeriodKey[] {
  const keys: TPeriodKey[] = [];
  let day = from ?? EARLIEST;
  while (day <= to) {
    if (day.endsWith('-01-01') && `${day.slice(0, 4)}-12-31` <= to) {
      keys.push({ grain: 'year', period: day.slice(0, 4) });
      day = `${Number(day.slice(0, 4)) + 1}-01-01`;
    } else if (day.endsWith('-01') && monthEnd(day) <= to) {
      keys.push({ grain: 'month', period: day.slice(0, 7) });
      day = addDays(monthEnd(day), 1);
    } else {
      keys.push({ grain: 'day', period: day });
      day = addDays(day, 1);
    }
  }
  return keys;
}

/** Periods wholly before `day` (a deadline in them has passed by that day's start), as ranges per grain. */
export function periodsBefore(day: string): Array<{ grain: TGrain; from: string; to: string }> {
  const year = day.slice(0, 4);
  return [
    { grain: 'year', from: '', to: year },
    { grain: 'month', from: `${year}-01`, to: day.slice(0, 7) },
    { grain: 'day', from: `${day.slice(0, 7)}-01`, to: day },
  ];
}
