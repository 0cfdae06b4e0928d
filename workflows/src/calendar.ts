import chineseDays from 'chinese-days';

import type { CalendarData } from './engine-types.js';
import { bureauYear } from './statutory.js';

/** Monday to Friday, for a local date (YYYY-MM-DD). */
const isWeekday = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day >= 1 && day <= 5;
};

/**
 * Statutory working day: from the year's arrangement the bureau loaded when the year is the bureau's
 * (see `statutorySource`), else from the `chinese-days` dataset (which, for a year it does not cover,
 * knows only weekends). The package is UMD for Node and ESM for bundlers; its default export carries
 * the functions in both.
 */
function isStatutoryWorkday(calendar: CalendarData | undefined, date: string): boolean {
  const loaded = bureauYear(calendar, Number(date.slice(0, 4)));
  if (loaded) return loaded.workdays.includes(date) || (isWeekday(date) && !loaded.holidays.includes(date));
  return chineseDays.isWorkday(date);
}

/** The district keeps China Standard Time; dates in a calendar are local dates there. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The local (CST) date of an instant, as YYYY-MM-DD. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant at a local (CST) wall-clock time on a local date. */
function atLocal(date: string, hh: number, mm: number, ss = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CST_OFFSET_MS + ((hh * 60 + mm) * 60 + ss) * 1000);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Is this local date a school working day? Statutory holidays and make-up workdays come from the
 * maintained `chinese-days` dataset, or from the State Council's arrangement the bureau loaded for a
 * year the dataset does not cover (or that the bureau explicitly replaced); the bureau's calendar adds
 * its own holidays, make-up days and school vacations on top (a vacation day is never a working day
 * for deadline purposes).
 */
export function isSchoolWorkday(calendar: CalendarData | undefined, date: string): boolean {
  if (calendar) {
    if (calendar.vacations.some((v) => v.from <= date && date <= v.to)) return false;
    if (calendar.holidays.includes(date)) return false;
    if (calendar.workdays.includes(date)) return true;
  }
  return isStatutoryWorkday(calendar, date);
}

/**
 * The deadline `n` school working days after `from`: the end (23:59:59 CST) of the n-th working day
 * that follows the local date of `from`. The day something arrives does not count, as in the
 * bureau's paper procedures ("自收到之日起 N 个工作日内").
 */
export function addWorkdays(calendar: CalendarData | undefined, from: Date, n: number): Date {
  let date = localDate(from);
  let left = n;
  // A bounded walk: even a year of vacations cannot loop forever.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    date = nextDate(date);
    if (isSchoolWorkday(calendar, date)) left--;
  }
  return atLocal(date, 23, 59, 59);
}

/** 09:00 CST on the working day that lies `before` working days ahead of a deadline's day. */
export function reminderAt(
  calendar: CalendarData | undefined,
  from: Date,
  workdays: number,
  before: number,
): Date | null {
  if (before <= 0 || before >= workdays) return null;
  const day = localDate(addWorkdays(calendar, from, workdays - before));
  return atLocal(day, 9, 0);
}

/** Working days from `from` up to `to` (negative when `to` is earlier): used for "overdue by N days". */
export function workdaysBetween(calendar: CalendarData | undefined, from: Date, to: Date): number {
  const a = localDate(from);
  const b = localDate(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo; d < hi;) {
    d = nextDate(d);
    if (isSchoolWorkday(calendar, d)) count++;
  }
  return sign * count;
}
