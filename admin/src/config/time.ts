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

export function inDistrict(iso: string): Dayjs {
  return dayjs(iso).tz(DISTRICT_TIME_ZONE);
}

/** A picked calendar day as the instant range it covers in the district (for from/to filters). */
export function districtDayBounds(day: Dayjs | null | undefined): { start?: string; end?: string } {
  if (!day) return {};
  const d = dayjs.tz(day.format('YYYY-MM-DD'), DISTRICT_TIME_ZONE);
  return { start: d.startOf('day').toISOString(), end: d.endOf('day').toISOString() };
}
