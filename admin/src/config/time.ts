import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';

import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

import { DISTRICT_TIME_ZONE } from './district';
import i18n from './i18n';

dayjs.extend(utc);
dayjs.extend(timezone);

// Dates speak the console's language (month and weekday names in pickers and relative times).
const applyLocale = (lng: string) => dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
applyLocale(i18n.language);
i18n.on('languageChanged', applyLocale);

export { DISTRICT_TIME_ZONE };

/**
 * An instant in a time zone, as a Dayjs at that zone's offset. dayjs's own `tz()` asks `toLocaleString` for
 * the offset on every call, which builds a new formatter each time (about 0.1 ms): a list page drew two
 * dates per row per render, and `tz()` was the console's costliest function after React's on a route
 * change. One formatter per zone answers the same question in microseconds.
 */
export function zonedClock(zone: string): (iso: string) => Dayjs {
  const offsetName = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  return (iso) => {
    const d = dayjs(iso);
    const name = offsetName.formatToParts(d.toDate()).find((p) => p.type === 'timeZoneName')?.value ?? '';
    // "GMT+08:00", "GMT-05:00", "GMT+05:45"; plain "GMT" at UTC.
    const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
    const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    return d.utcOffset(minutes);
  };
}

/** An instant as the district's clock shows it (deadlines, timestamps). */
export const inDistrict: (iso: string) => Dayjs = zonedClock(DISTRICT_TIME_ZONE);

/** A picked calendar day as the instant range it covers in the district (for from/to filters). */
export function districtDayBounds(day: Dayjs | null | undefined): { start?: string; end?: string } {
  if (!day) return {};
  const d = dayjs.tz(day.format('YYYY-MM-DD'), DISTRICT_TIME_ZONE);
  return { start: d.startOf('day').toISOString(), end: d.endOf('day').toISOString() };
}
