import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';

import { addWorkdays, isSchoolWorkday, workdaysBetween } from './calendar.js';
import type { CalendarData } from './engine-types.js';
import { packageCoversYear, packageYears, statutorySource } from './statutory.js';

const cst = (iso: string) => new Date(`${iso}+08:00`);
const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

// A made-up arrangement for 2027, NOT the State Council's (not published in any package when written):
// it only has the shape of one — 国庆 1–7 October off, Sunday 26 September and Saturday 9 October worked.
const TEST_2027 = {
  holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
  workdays: ['2027-09-26', '2027-10-09'],
  replacesPackage: false,
};
const loaded2027: CalendarData = { holidays: [], workdays: [], vacations: [], statutory: { '2027': TEST_2027 } };

describe('statutory coverage, from the installed chinese-days data', () => {
  it('is derived from the package at run time: a year is covered when the dataset lists its holidays', () => {
    const years = packageYears(1990, 2060);
    expect(years.length).toBeGreaterThan(0);
    for (const y of years)
      expect(chineseDays.getHolidaysInRange(`${y}-01-01`, `${y}-12-31`, false).length, String(y)).toBeGreaterThan(0);
    // The dataset is contiguous: no hole between its first and last year.
    expect(years.at(-1)! - years[0]! + 1).toBe(years.length);
    // These tests load 2027 as the bureau would; they need a package that does not cover it yet.
    expect(
      packageCoversYear(2027),
      'chinese-days now covers 2027: move the bureau-loaded fixtures to its first uncovered year',
    ).toBe(false);
    expect(packageCoversYear(2026)).toBe(true);
  });

  it('without the bureau, 2027-10-01 (a Friday) counts as a working day: the package knows only weekends there', () => {
    expect(statutorySource(undefined, 2027)).toBeNull();
    expect(isSchoolWorkday(undefined, '2027-10-01')).toBe(true);
    expect(day(addWorkdays(undefined, cst('2027-09-30T10:00:00'), 1))).toBe('2027-10-01');
  });

  it('with a year the bureau loaded, a deadline crossing 2027-10-01 skips its 国庆 days and counts its make-up days', () => {
    expect(statutorySource(loaded2027, 2027)).toBe('bureau');
    expect(isSchoolWorkday(loaded2027, '2027-10-01')).toBe(false);
    expect(isSchoolWorkday(loaded2027, '2027-10-09')).toBe(true); // a Saturday worked
    expect(isSchoolWorkday(loaded2027, '2027-09-26')).toBe(true); // a Sunday worked
    expect(isSchoolWorkday(loaded2027, '2027-10-16')).toBe(false); // an ordinary Saturday stays off
    // Thu 30 Sept + 1 → Fri 8 Oct; + 2 → Sat 9 Oct (make-up); + 3 → Mon 11 Oct.
    expect(day(addWorkdays(loaded2027, cst('2027-09-30T10:00:00'), 1))).toBe('2027-10-08');
    expect(day(addWorkdays(loaded2027, cst('2027-09-30T10:00:00'), 2))).toBe('2027-10-09');
    expect(day(addWorkdays(loaded2027, cst('2027-09-30T10:00:00'), 3))).toBe('2027-10-11');
    // Fri 24 Sept + 1 → Sun 26 Sept (make-up).
    expect(day(addWorkdays(loaded2027, cst('2027-09-24T10:00:00'), 1))).toBe('2027-09-26');
    expect(workdaysBetween(loaded2027, cst('2027-09-30T10:00:00'), cst('2027-10-11T10:00:00'))).toBe(3);
  });

  it('the district’s own calendar still wins over a loaded year (vacation, extra workday)', () => {
    const both: CalendarData = {
      ...loaded2027,
      workdays: ['2027-10-07'],
      vacations: [{ from: '2027-10-08', to: '2027-10-08' }],
    };
    expect(isSchoolWorkday(both, '2027-10-07')).toBe(true);
    expect(isSchoolWorkday(both, '2027-10-08')).toBe(false);
  });

  it('a package year stays the package’s unless the bureau explicitly replaces it', () => {
    // 2026-10-01 is a statutory holiday in the dataset; a bureau arrangement for 2026 that forgot it…
    const forgot = { holidays: ['2026-01-01'], workdays: [], replacesPackage: false };
    const kept: CalendarData = { holidays: [], workdays: [], vacations: [], statutory: { '2026': forgot } };
    expect(statutorySource(kept, 2026)).toBe('package');
    expect(isSchoolWorkday(kept, '2026-10-01')).toBe(false);
    // …only replaces the package's 2026 when it says so.
    const replaced: CalendarData = { ...kept, statutory: { '2026': { ...forgot, replacesPackage: true } } };
    expect(statutorySource(replaced, 2026)).toBe('bureau');
    expect(isSchoolWorkday(replaced, '2026-10-01')).toBe(true);
    expect(isSchoolWorkday(replaced, '2026-01-01')).toBe(false);
    // The package's make-up Saturday of 2026 is the bureau's call too once replaced.
    expect(isSchoolWorkday(kept, '2026-10-10')).toBe(true);
    expect(isSchoolWorkday(replaced, '2026-10-10')).toBe(false);
  });
});
