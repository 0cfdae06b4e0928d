import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter } from '../common.js';
import { ZFindingPage, ZFindingQuery } from './findings.types.js';
import { listFindings } from './list-findings.js';

const list = createRoute({
  method: 'get',
  path: '/findings',
  tags: ['reports'],
  summary:
    'Security-inspection findings (severity, deadline, offline order, repeat) of the inspections the caller may read',
  request: { query: ZFindingQuery },
  responses: { 200: json(ZFindingPage), ...errors(400, 401) },
});

export function findingRoutes(deps: Deps) {
  return newRouter().openapi(list, async (c) =>
    c.json(await listFindings(deps, { ...signedIn(c), query: c.req.valid('query') }), 200),
  );
}
