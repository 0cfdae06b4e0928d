import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter, ZIdParam } from '../common.js';
import { listNotifications } from './list-notifications.js';
import { ZNotificationPage, ZNotificationQuery, ZReadAllResult } from './notifications.types.js';
import { readAllNotifications } from './read-all-notifications.js';
import { readNotification } from './read-notification.js';

const list = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['notifications'],
  summary: "The caller's notifications (new tasks, reminders, escalations, chases, copies), newest first",
  request: { query: ZNotificationQuery },
  responses: { 200: json(ZNotificationPage), ...errors(400, 401) },
});

const read = createRoute({
  method: 'post',
  path: '/notifications/{id}/read',
  tags: ['notifications'],
  request: { params: ZIdParam },
  responses: { 204: { description: 'Marked read' }, ...errors(401, 403, 404) },
});

const readAll = createRoute({
  method: 'post',
  path: '/notifications/read-all',
  tags: ['notifications'],
  summary: "Marks all of the caller's unread notifications read (only the caller's)",
  responses: { 200: json(ZReadAllResult), ...errors(401) },
});

export function notificationRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, async (c) => {
      const { user } = signedIn(c);
      return c.json(await listNotifications(deps, { user, query: c.req.valid('query') }), 200);
    })
    .openapi(readAll, async (c) => {
      const { user } = signedIn(c);
      return c.json(await readAllNotifications(deps, { actor: user }), 200);
    })
    .openapi(read, async (c) => {
      const { user } = signedIn(c);
      await readNotification(deps, { id: c.req.valid('param').id, actor: user });
      return c.body(null, 204);
    });
}
