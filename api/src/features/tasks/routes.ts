import { createRoute } from '@hono/zod-openapi';
import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter } from '../common.js';
import { listTasks } from './list-tasks.js';
import { ZTaskPage, ZTaskQuery } from './tasks.types.js';

const list = createRoute({
  method: 'get',
  path: '/tasks',
  tags: ['tasks'],
  request: { query: ZTaskQuery },
  responses: { 200: json(ZTaskPage), ...errors(400, 401) },
});

export function taskRoutes(deps: Deps) {
  return newRouter().openapi(list, (c) => {
    const { user, ability } = signedIn(c);
    return c.json(listTasks(deps, { user, ability, query: c.req.valid('query') }), 200);
  });
}
