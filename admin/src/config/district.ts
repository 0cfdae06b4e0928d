/** Deadlines and working days are the district's: show every instant in its time zone, whatever the browser says. */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

/** An instant's hour and minute in the district (HH:mm), without loading dayjs (the sign-in page uses it). */
export function districtClock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: DISTRICT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
