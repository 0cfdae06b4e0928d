import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';

import { inDistrict, zonedClock } from './time';

// The instants a console shows: around midnight, around both of New York's clock changes, Kathmandu's
// quarter hour, and UTC itself, each compared with dayjs's own (slow) tz() as the reference.
const INSTANTS = [
  '2026-03-08T06:59:59Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T05:59:59Z',
  '2026-11-01T06:00:00Z',
  '2026-12-31T15:59:59Z',
  '2026-12-31T16:00:00Z',
  '2027-06-15T12:34:56.789Z',
];

describe('zonedClock', () => {
  for (const zone of ['Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu', 'UTC']) {
    it(`shows each instant as ${zone}'s clock, as dayjs.tz does`, () => {
      const clock = zonedClock(zone);
      for (const iso of INSTANTS) {
        const mine = clock(iso);
        const theirs = dayjs(iso).tz(zone);
        expect(mine.format('YYYY-MM-DD HH:mm:ss Z'), `${zone} ${iso}`).toBe(theirs.format('YYYY-MM-DD HH:mm:ss Z'));
        expect(mine.valueOf()).toBe(dayjs(iso).valueOf()); // the same instant, only shown at another offset
      }
    });
  }

  it('puts the district day change at 16:00 UTC', () => {
    expect(inDistrict('2026-12-31T15:59:59Z').format('YYYY-MM-DD HH:mm')).toBe('2026-12-31 23:59');
    expect(inDistrict('2026-12-31T16:00:00Z').format('YYYY-MM-DD HH:mm')).toBe('2027-01-01 00:00');
  });
});
