import chineseDays from 'chinese-days';

import type { CalendarData, StatutoryYear } from './engine-types.js';

/** Where a year's statutory holidays and make-up workdays (the State Council's notice) come from. */
export type StatutorySource = 'package' | 'bureau';

const probed = new Map<number, boolean>();

/**
 * Does the installed `chinese-days` dataset hold the statutory arrangement of this year? Asked of the
 * package's own data at run time (does it list any statutory holiday in the year?), so a package
 * upgrade that adds a year is picked up without a code change. Memoised: the data never changes
 * while the process runs.
 */
export function packageCoversYear(year: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  let covered = probed.get(year);
  if (covered === undefined) {
    const y = String(year).padStart(4, '0');
    // includeWeekends=false lists only the dataset's own holiday entries, never plain weekends.
    covered = chineseDays.getHolidaysInRange(`${y}-01-01`, `${y}-12-31`, false).length > 0;
    probed.set(year, covered);
  }
  return covered;
}

/** The years between `from` and `to` (inclusive) the installed dataset covers. */
export function packageYears(from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from; y <= to; y++) if (packageCoversYear(y)) years.push(y);
  return years;
}

/**
 * The rule that combines the dataset with the years a bureau loaded: a year the package covers stays
 * the package's unless the bureau explicitly replaced it (`replacesPackage`); a year it does not cover
 * is the bureau's once loaded; otherwise the year is uncovered (null) and only weekends are days off.
 */
export function statutorySource(calendar: CalendarData | undefined, year: number): StatutorySource | null {
  const loaded = calendar?.statutory?.[String(year)];
  if (loaded?.replacesPackage) return 'bureau';
  if (packageCoversYear(year)) return 'package';
  return loaded ? 'bureau' : null;
}

/** The bureau's arrangement in force for a year, if the rule above gives the year to the bureau. */
export function bureauYear(calendar: CalendarData | undefined, year: number): StatutoryYear | undefined {
  return statutorySource(calendar, year) === 'bureau' ? calendar?.statutory?.[String(year)] : undefined;
}
