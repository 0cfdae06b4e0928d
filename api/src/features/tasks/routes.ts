import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter } from '../common.js';
import { bulkTasks } from './bulk-tasks.js';
import { ZBulkTasksBody, ZBulkTasksResult } from './bulk-tasks.types.js';
import { listDoneTasks } from './list-done-tasks.js';
import { listTasks } from './list-tasks.js';
import { ZDoneTaskPage, ZDoneTaskQuery, ZTaskPage, ZTaskQuery } from './tasks.types.js';

const list = createRoute({
  method: 'get',
  path: '/tasks',
  tags: ['tasks'],
  request: { query: ZTaskQuery },
  responses: { 200: json(ZTaskPage), ...errors(400, 401) },
});

const done = createRoute({
  method: 'get',
  path: '/tasks/done',
  tags: ['tasks'],
  summary: '已办: the workflow tasks the caller closed, newest first, with the figures of their own parts (scores)',
  request: { query: ZDoneTaskQuery },
  responses: { 200: json(ZDoneTaskPage), ...errors(400, 401) },
});

const bulk = createRoute({
  method: 'post',
  path: '/tasks/bulk',
  tags: ['tasks'],
  summary:
    'Chase many tasks, or transfer a departing person’s open tasks to a successor (bureauAdmin); per-item results',
  request: { body: body(ZBulkTasksBody) },
  responses: { 200: json(ZBulkTasksResult), ...errors(400, 401, 403, 422) },
});

export function taskRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, async (c) => {
      const { user, ability } = signedIn(c);
      return c.json(await listTasks(deps, { user, ability, query: c.req.valid('query') }), 200);
    })
    .openapi(done, async (c) => {
      const { user, ability } = signedIn(c);
      return c.json(await listDoneTasks(deps, { user, ability, query: c.req.valid('query') }), 200);
    })
    .openapi(bulk, async (c) => {
      const { user } = signedIn(c);
      return c.json(await bulkTasks(deps, { ...c.req.valid('json'), actor: user }), 200);
    });
}
