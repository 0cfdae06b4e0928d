import { packageCoversYear } from '@eduflow/workflows';
import { z } from '@hono/zod-openapi';

import type { TLocalized } from '../../errors.js';
import { ZLocalDate } from './calendar.types.js';

/** Years a bureau may load: wide enough for any notice it will hold, narrow enough to catch a typo. */
export const STATUTORY_YEAR_MIN = 2000;
export const STATUTORY_YEAR_MAX = 2100;

export const ZStatutoryYearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(STATUTORY_YEAR_MIN)
    .max(STATUTORY_YEAR_MAX)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
});

export const ZStatutoryDay = z.object({
  date: ZLocalDate,
  name: z.string().trim().min(1).max(30).openapi({
    description: 'The festival the day belongs to, as the notice names it (元旦, 春节 …)',
    example: '国庆节',
  }),
});
export type TStatutoryDay = z.infer<typeof ZStatutoryDay>;

const ZNoticeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

export const ZStatutoryYearBody = z
  .object({
    holidays: z
      .array(ZStatutoryDay)
      .min(1)
      .max(80)
      .openapi({ description: 'Every day off of the year’s arrangement, weekends inside a holiday included' }),
    workdays: z
      .array(ZStatutoryDay)
      .max(40)
      .openapi({ description: 'Make-up working days (调休上班), each on a Saturday or Sunday' }),
    documentNo: ZNoticeText(60).openapi({
      description: 'The notice’s document number, optional',
      example: '国办发明电〔…〕…号',
    }),
    title: ZNoticeText(200).openapi({ description: 'The notice’s title, optional' }),
    replacesPackage: z.boolean().default(false).openapi({
      description:
        'Required for a year the chinese-days dataset covers: the bureau’s arrangement then replaces the package’s',
    }),
    expectedVersion: z.number().int().min(0).openapi({ description: '0 when the year has not been loaded' }),
  })
  .openapi('StatutoryYearBody');
export type TStatutoryYearBody = z.infer<typeof ZStatutoryYearBody>;

export type TArrangementProblem = {
  list: 'holidays' | 'workdays' | 'replacesPackage';
  index: number;
  message: TLocalized;
};

const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * What is wrong with a year's arrangement, whatever it came from (the form, an Excel row, an ICS event):
 * a day outside the year, listed twice, both off and worked, a make-up day that is already a weekday,
 * or a year the package covers without an explicit replacement. Dates must already be real dates.
 */
export function arrangementProblems(
  year: number,
  a: { holidays: TStatutoryDay[]; workdays: TStatutoryDay[]; replacesPackage: boolean },
): TArrangementProblem[] {
  const problems: TArrangementProblem[] = [];
  const off = new Set<string>();
  const check = (list: 'holidays' | 'workdays', days: TStatutoryDay[], seen: Set<string>) =>
    days.forEach(({ date }, index) => {
      const say = (zh: string, en: string) => problems.push({ list, index, message: { 'zh-CN': zh, en } });
      if (!date.startsWith(`${year}-`)) {
        return say(
          `${date} 不在 ${year} 年内：跨年的日期请登记在它所属的年份，或作为本区放假日 / 调休上班日登记`,
          `${date} is not in ${year}: register a day of another year under that year, or as one of the district's own holidays or workdays`,
        );
      }
      if (seen.has(date)) return say(`${date} 重复出现`, `${date} is listed twice`);
      seen.add(date);
      if (list === 'workdays') {
        if (off.has(date))
          return say(`${date} 不能既放假又调休上班`, `${date} cannot be both a day off and a make-up workday`);
        const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (dow >= 1 && dow <= 5) {
          say(
            `${date} 是星期${WEEKDAY_ZH[dow]}，本来就是工作日：调休上班日应在周六或周日`,
            `${date} is a ${WEEKDAY_EN[dow]}, already a working day: a make-up workday falls on a Saturday or Sunday`,
          );
        }
      }
    });
  check('holidays', a.holidays, off);
  check('workdays', a.workdays, new Set());
  if (packageCoversYear(year) && !a.replacesPackage) {
    problems.push({
      list: 'replacesPackage',
      index: -1,
      message: {
        'zh-CN': `${year} 年的法定节假日已由内置数据（chinese-days）提供；如确需以本局载入的安排替换，请勾选“替换内置数据”`,
        en: `${year} is already covered by the built-in chinese-days data; to replace it with this arrangement, tick “replace the built-in data”`,
      },
    });
  }
  return problems;
}

/** The body schema with the year's own checks, for the route's handler (the year comes from the path). */
export const ZStatutoryYearBodyFor = (year: number) =>
  ZStatutoryYearBody.superRefine((body, ctx) => {
    for (const p of arrangementProblems(year, body)) {
      const path = p.list === 'replacesPackage' ? ['replacesPackage'] : [p.list, p.index, 'date'];
      ctx.addIssue({ code: 'custom', path, message: p.message.en, params: { 'zh-CN': p.message['zh-CN'] } });
    }
  });

export const ZStatutoryYear = z
  .object({
    year: z.number().int(),
    holidays: z.array(z.object({ date: z.string(), name: z.string() })),
    workdays: z.array(z.object({ date: z.string(), name: z.string() })),
    replacesPackage: z.boolean(),
    documentNo: z.string().nullable(),
    title: z.string().nullable(),
    source: z.enum(['form', 'xlsx', 'csv', 'ics']),
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable().openapi({ description: 'Display name of who loaded it last' }),
    inEffect: z.boolean().openapi({
      description: 'false when the package covers the year and the bureau did not replace it: the package’s days count',
    }),
  })
  .openapi('StatutoryYear');
export type TStatutoryYear = z.infer<typeof ZStatutoryYear>;

export const ZStatutoryYearList = z.object({ items: z.array(ZStatutoryYear) }).openapi('StatutoryYearList');

export const ZDeleteStatutoryQuery = z.object({
  expectedVersion: z.coerce.number().int().min(1).openapi({ description: 'The version being withdrawn' }),
});

export const ZCoverageYear = z.object({ year: z.number().int(), source: z.enum(['package', 'bureau']).nullable() });

export const ZCalendarCoverage = z
  .object({
    today: z.string().openapi({ description: 'Today in the district (CST)' }),
    dataset: z.object({
      name: z.literal('chinese-days'),
      version: z.string(),
      years: z.array(z.number().int()).openapi({
        description:
          'Years the installed dataset covers, found in its data at run time (checked from 30 years back to 10 ahead)',
      }),
    }),
    bureauYears: z.array(z.number().int()).openapi({ description: 'Years the bureau loaded (in effect or not)' }),
    years: z.array(ZCoverageYear).openapi({
      description: 'This year and the next, each with what covers it (null: nothing — only weekends are days off)',
    }),
    uncoveredDeadlines: z.array(z.object({ year: z.number().int(), firstDueAt: z.string() })).openapi({
      description:
        'Uncovered years that open task deadlines or pending timers fall into, with the earliest such due instant',
    }),
  })
  .openapi('CalendarCoverage');
export type TCalendarCoverage = z.infer<typeof ZCalendarCoverage>;
