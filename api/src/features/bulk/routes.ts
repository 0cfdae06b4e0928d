import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter } from '../common.js';
import { ZBulkStartBody, ZBulkStartResult, ZOpenInRound } from './bulk.types.js';
import { openInRound } from './open-in-round.js';
import { startBulk } from './start-bulk.js';

const bulkStart = createRoute({
  method: 'post',
  path: '/bulk/instances',
  tags: ['bulk'],
  summary: 'Start one instance per organisation (bureau roles); each subject atomic on its own',
  request: { body: body(ZBulkStartBody) },
  responses: { 200: json(ZBulkStartResult), ...errors(400, 401, 403) },
});

const openCheck = createRoute({
  method: 'post',
  path: '/bulk/instances/open-in-round',
  tags: ['bulk'],
  summary: 'Before a bulk start: the chosen subjects already running an instance of this workflow in the same round',
  request: { body: body(ZBulkStartBody) },
  responses: { 200: json(ZOpenInRound), ...errors(400, 401, 403, 422) },
});

export function bulkRoutes(deps: Deps) {
  return newRouter()
    .openapi(bulkStart, async (c) =>
      c.json(await startBulk(deps, { ...c.req.valid('json'), actor: signedIn(c).user }), 200),
    )
    .openapi(openCheck, async (c) =>
      c.json(await openInRound(deps, { ...c.req.valid('json'), actor: signedIn(c).user }), 200),
    );
}
