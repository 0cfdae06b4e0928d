import { z } from '@hono/zod-openapi';

const isRealDate = (d: string) =>
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
export const ZLocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isRealDate, { message: 'Not a calendar date', params: { 'zh-CN': '不是有效的日期（YYYY-MM-DD）' } })
  .openapi({ example: '2026-10-01' });

export const ZVacation = z
  .object({ from: ZLocalDate, to: ZLocalDate, name: z.string().trim().min(1).max(50) })
  .refine((v) => v.from <= v.to, { message: 'from must not be after to', path: ['to'] });

export const ZCalendarBody = z
  .object({
    holidays: z.array(ZLocalDate).max(366),
    workdays: z.array(ZLocalDate).max(366),
    vacations: z.array(ZVacation).max(50),
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .openapi({ description: '0 while the district has never saved a calendar' }),
  })
  .openapi('CalendarBody');
export type TCalendarBody = z.infer<typeof ZCalendarBody>;

export const ZCalendar = z
  .object({
    districtId: z.string(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    vacations: z.array(z.object({ from: z.string(), to: z.string(), name: z.string() })),
    version: z.number().int(),
    updatedAt: z.string().nullable(),
  })
  .openapi('Calendar');
export type TCalendar = z.infer<typeof ZCalendar>;

/** 工作日计算: N school working days from a local date, as the engine counts deadlines. */
export const ZDueDateQuery = z.object({
  from: ZLocalDate.openapi({ description: 'Local (CST) date the count starts from; that day itself does not count' }),
  workdays: z.coerce.number().int().min(1).max(365).openapi({ example: 5 }),
});
export type TDueDateQuery = z.infer<typeof ZDueDateQuery>;

export const ZDueDate = z
  .object({
    from: z.string(),
    workdays: z.number().int(),
    dueDate: z.string().openapi({ description: 'Local date of the N-th school working day' }),
    dueAt: z.string().openapi({ description: 'The deadline instant: 23:59:59 CST on dueDate' }),
  })
  .openapi('DueDate');
export type TDueDate = z.infer<typeof ZDueDate>;
