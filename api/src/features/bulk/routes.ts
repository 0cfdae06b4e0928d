import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter } from '../common.js';
import { ZBulkStartBody, ZBulkStartResult } from './bulk.types.js';
import { startBulk } from './start-bulk.js';

const bulkStart = createRoute({
  method: 'post',
  path: '/bulk/instances',
  tags: ['bulk'],
  summary: 'Start one instance per organisation (bureau roles); each subject atomic on its own',
  request: { body: body(ZBulkStartBody) },
  responses: { 200: json(ZBulkStartResult), ...errors(400, 401, 403) },
});

export function bulkRoutes(deps: Deps) {
  return newRouter().openapi(bulkStart, async (c) =>
    c.json(await startBulk(deps, { ...c.req.valid('json'), actor: signedIn(c).user }), 200),
  );
}
