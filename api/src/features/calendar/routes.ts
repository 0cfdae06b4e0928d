import { createRoute } from '@hono/zod-openapi';
import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter } from '../common.js';
import { ZCalendar, ZCalendarBody, ZDueDate, ZDueDateQuery } from './calendar.types.js';
import { computeDueDate } from './compute-due-date.js';
import { getCalendar } from './get-calendar.js';
import { putCalendar } from './put-calendar.js';

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

export function calendarRoutes(deps: Deps) {
  return newRouter()
    .openapi(get, (c) => {
      signedIn(c);
      return c.json(getCalendar(deps), 200);
    })
    .openapi(dueDate, (c) => {
      signedIn(c);
      return c.json(computeDueDate(deps, c.req.valid('query')), 200);
    })
    .openapi(put, (c) => {
      const { user } = signedIn(c);
      return c.json(putCalendar(deps, { ...c.req.valid('json'), actor: user }), 200);
    });
}
