import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Deadlines and working days are the district's: show every instant in its time zone, whatever the browser says. */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

export function inDistrict(iso: string): Dayjs {
  return dayjs(iso).tz(DISTRICT_TIME_ZONE);
}

/** A picked calendar day as the instant range it covers in the district (for from/to filters). */
export function districtDayBounds(day: Dayjs | null | undefined): { start?: string; end?: string } {
  if (!day) return {};
  const d = dayjs.tz(day.format('YYYY-MM-DD'), DISTRICT_TIME_ZONE);
  return { start: d.startOf('day').toISOString(), end: d.endOf('day').toISOString() };
}
