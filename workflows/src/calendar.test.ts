import { describe, expect, it } from 'vitest';

import { addWorkdays, isSchoolWorkday, reminderAt, workdaysBetween } from './calendar.js';

const cst = (iso: string) => new Date(`${iso}+08:00`);

describe('school working days', () => {
  it('skip the National Day holiday and count its make-up Saturday (from the chinese-days dataset)', () => {
    expect(isSchoolWorkday(undefined, '2026-10-05')).toBe(false);
    expect(isSchoolWorkday(undefined, '2026-10-10')).toBe(true); // Saturday make-up workday
    // From Wed 2026-09-30: Oct 1–7 are holidays, Oct 8 (Thu), 9 (Fri), 10 (make-up Sat) count.
    expect(addWorkdays(undefined, cst('2026-09-30T10:00:00'), 3).toISOString()).toBe(
      cst('2026-10-10T23:59:59').toISOString(),
    );
  });

  it('skip the bureau’s own holidays and school vacations, and honour its extra workdays', () => {
    const calendar = {
      holidays: ['2026-11-24'],
      workdays: ['2026-11-28'],
      vacations: [{ from: '2026-11-30', to: '2026-12-04' }],
    };
    // Mon 23 → (24 holiday) 25, 26, 27, 28 (extra Saturday) → 4 days; then vacation week; Mon Dec 7 is the 5th.
    expect(addWorkdays(calendar, cst('2026-11-23T09:00:00'), 4).toISOString()).toBe(
      cst('2026-11-28T23:59:59').toISOString(),
    );
    expect(addWorkdays(calendar, cst('2026-11-23T09:00:00'), 5).toISOString()).toBe(
      cst('2026-12-07T23:59:59').toISOString(),
    );
  });

  it('count days in China Standard Time, whatever the server clock zone', () => {
    // 2026-11-22T17:00Z is already Monday 01:00 in Beijing: Tuesday is the first working day after it.
    expect(addWorkdays(undefined, new Date('2026-11-22T17:00:00Z'), 1).toISOString()).toBe(
      cst('2026-11-24T23:59:59').toISOString(),
    );
  });

  it('place reminders before the deadline and measure overdue days', () => {
    expect(reminderAt(undefined, cst('2026-11-23T09:00:00'), 10, 2)?.toISOString()).toBe(
      cst('2026-12-03T09:00:00').toISOString(),
    );
    expect(reminderAt(undefined, cst('2026-11-23T09:00:00'), 2, 2)).toBeNull();
    expect(workdaysBetween(undefined, cst('2026-11-23T09:00:00'), cst('2026-11-30T09:00:00'))).toBe(5);
    expect(workdaysBetween(undefined, cst('2026-11-30T09:00:00'), cst('2026-11-23T09:00:00'))).toBe(-5);
  });
});
