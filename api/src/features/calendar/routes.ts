import { createRoute, z } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { AppError, zodFieldErrors } from '../../errors.js';
import { body, errors, json, newRouter } from '../common.js';
import { importBodyLimit } from '../imports/import-body-limit.js';
import { ZCalendar, ZCalendarBody, ZDueDate, ZDueDateQuery } from './calendar.types.js';
import { computeDueDate } from './compute-due-date.js';
import { deleteStatutoryYear } from './delete-statutory-year.js';
import { districtId, getCalendar } from './get-calendar.js';
import { getCalendarCoverage } from './get-calendar-coverage.js';
import { importStatutoryYear, ZStatutoryImport } from './import-statutory-year.js';
import { putCalendar } from './put-calendar.js';
import { putStatutoryYear } from './put-statutory-year.js';
import {
  ZCalendarCoverage,
  ZDeleteStatutoryQuery,
  ZStatutoryYear,
  ZStatutoryYearBody,
  ZStatutoryYearBodyFor,
  ZStatutoryYearList,
  ZStatutoryYearParam,
} from './statutory.types.js';
import { statutoryTemplate } from './statutory-template.js';
import { listStatutoryYears } from './statutory-years.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const get = createRoute({
  method: 'get',
  path: '/calendar',
  tags: ['calendar'],
  summary: 'The district school calendar (holidays, make-up workdays, vacations) deadlines are counted with',
  responses: { 200: json(ZCalendar), ...errors(401, 404) },
});

const dueDate = createRoute({
  method: 'get',
  path: '/calendar/due-date',
  tags: ['calendar'],
  summary: 'The deadline N school working days after a date, counted with the district calendar (工作日计算)',
  request: { query: ZDueDateQuery },
  responses: { 200: json(ZDueDate), ...errors(400, 401) },
});

const put = createRoute({
  method: 'put',
  path: '/calendar',
  tags: ['calendar'],
  summary: 'Replace the school calendar (bureauAdmin); 409 on a stale expectedVersion',
  request: { body: body(ZCalendarBody) },
  responses: { 200: json(ZCalendar), ...errors(400, 401, 403, 409, 422) },
});

const coverage = createRoute({
  method: 'get',
  path: '/calendar/coverage',
  tags: ['calendar'],
  summary:
    'Which years the statutory holidays are known for, and by what (the chinese-days package or the bureau); uncovered years open deadlines fall into',
  responses: { 200: json(ZCalendarCoverage), ...errors(401) },
});

const listStatutory = createRoute({
  method: 'get',
  path: '/calendar/statutory',
  tags: ['calendar'],
  summary: 'The statutory arrangements (State Council notices) the bureau loaded, one per year',
  responses: { 200: json(ZStatutoryYearList), ...errors(401, 404) },
});

const template = createRoute({
  method: 'get',
  path: '/calendar/statutory/template.xlsx',
  tags: ['calendar'],
  summary: 'The Excel template for importing a year’s statutory arrangement (日期 / 类型 / 名称)',
  responses: {
    200: { description: 'The workbook', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errors(401),
  },
});

const putStatutory = createRoute({
  method: 'put',
  path: '/calendar/statutory/{year}',
  tags: ['calendar'],
  summary:
    'Register or replace a year’s statutory holidays and make-up workdays (bureauAdmin); 409 on a stale expectedVersion',
  request: { params: ZStatutoryYearParam, body: body(ZStatutoryYearBody) },
  responses: { 200: json(ZStatutoryYear), ...errors(400, 401, 403, 404, 409) },
});

const deleteStatutory = createRoute({
  method: 'delete',
  path: '/calendar/statutory/{year}',
  tags: ['calendar'],
  summary: 'Withdraw a year the bureau loaded (bureauAdmin); 409 on a stale expectedVersion',
  request: { params: ZStatutoryYearParam, query: ZDeleteStatutoryQuery },
  responses: {
    200: json(z.object({ year: z.number().int(), deleted: z.literal(true) })),
    ...errors(400, 401, 403, 404, 409),
  },
});

const ZImportForm = z
  .object({
    file: z.instanceof(File).openapi({
      type: 'string',
      format: 'binary',
      description: '.xlsx / .csv (日期, 类型 放假|上班, 名称; header in row 1) or .ics',
    }),
    replacesPackage: z
      .enum(['true', 'false'])
      .optional()
      .openapi({ description: 'true to replace a year the chinese-days dataset covers' }),
    documentNo: z.string().trim().max(60).optional(),
    title: z.string().trim().max(200).optional(),
    expectedVersion: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: 'Required unless dryRun=1: 0 before the first load' }),
  })
  .openapi('StatutoryImportUpload');

const importStatutory = createRoute({
  method: 'post',
  path: '/calendar/statutory/{year}/import',
  tags: ['calendar'],
  summary:
    'Import a year’s arrangement from Excel/CSV/ICS (bureauAdmin): dryRun=1 previews; any row error and nothing is written',
  middleware: [importBodyLimit()] as const,
  request: {
    params: ZStatutoryYearParam,
    query: z.object({ dryRun: z.enum(['0', '1']).optional().openapi({ description: '1: preview, write nothing' }) }),
    body: { required: true, content: { 'multipart/form-data': { schema: ZImportForm } } },
  },
  responses: {
    200: json(ZStatutoryImport, 'Checked and previewed (and, unless a dry run with no errors, loaded)'),
    ...errors(400, 401, 403, 409, 413, 422),
  },
});

export function calendarRoutes(deps: Deps) {
  return newRouter()
    .openapi(get, async (c) => {
      signedIn(c);
      return c.json(await getCalendar(deps), 200);
    })
    .openapi(dueDate, async (c) => {
      signedIn(c);
      return c.json(await computeDueDate(deps, c.req.valid('query')), 200);
    })
    .openapi(put, async (c) => {
      const { user } = signedIn(c);
      return c.json(await putCalendar(deps, { ...c.req.valid('json'), actor: user }), 200);
    })
    .openapi(coverage, async (c) => {
      signedIn(c);
      return c.json(await getCalendarCoverage(deps), 200);
    })
    .openapi(listStatutory, async (c) => {
      signedIn(c);
      const district = await districtId(deps);
      if (!district) throw new AppError('NOT_FOUND');
      return c.json({ items: await listStatutoryYears(deps, district) }, 200);
    })
    .openapi(template, async (c) => {
      signedIn(c);
      return c.body(await statutoryTemplate(), 200, {
        'Content-Type': XLSX,
        'Content-Disposition': `attachment; filename="statutory-holidays-template.xlsx"; filename*=UTF-8''${encodeURIComponent('法定节假日安排导入模板.xlsx')}`,
        'Cache-Control': 'private, no-store',
      });
    })
    .openapi(putStatutory, async (c) => {
      const { user } = signedIn(c);
      const { year } = c.req.valid('param');
      // The year's own rules (dates inside it, none both off and worked …) need the path's year.
      const checked = ZStatutoryYearBodyFor(year).safeParse(c.req.valid('json'));
      if (!checked.success) throw new AppError('VALIDATION', { fieldErrors: zodFieldErrors(checked.error) });
      return c.json(await putStatutoryYear(deps, { ...checked.data, year, source: 'form', actor: user }), 200);
    })
    .openapi(deleteStatutory, async (c) => {
      const { user } = signedIn(c);
      return c.json(
        await deleteStatutoryYear(deps, {
          year: c.req.valid('param').year,
          expectedVersion: c.req.valid('query').expectedVersion,
          actor: user,
        }),
        200,
      );
    })
    .openapi(importStatutory, async (c) => {
      const { user } = signedIn(c);
      const form = c.req.valid('form');
      const result = await importStatutoryYear(deps, {
        year: c.req.valid('param').year,
        file: form.file,
        dryRun: c.req.valid('query').dryRun === '1',
        replacesPackage: form.replacesPackage === 'true',
        documentNo: form.documentNo || null,
        title: form.title || null,
        expectedVersion: form.expectedVersion,
        actor: user,
      });
      return c.json(result, 200);
    });
}
