import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter } from '../common.js';
import { ZOverview, ZOverviewQuery } from './overview.types.js';
import { overviewReport } from './overview-report.js';

const overview = createRoute({
  method: 'get',
  path: '/reports/overview',
  tags: ['reports'],
  summary: 'Instances per workflow and state, open and overdue tasks — scoped like the instance list',
  request: { query: ZOverviewQuery },
  responses: { 200: json(ZOverview), ...errors(400, 401) },
});

export function overviewRoutes(deps: Deps) {
  return newRouter().openapi(overview, async (c) => {
    const { user, ability } = signedIn(c);
    return c.json(await overviewReport(deps, { user, ability, query: c.req.valid('query') }), 200);
  });
}
