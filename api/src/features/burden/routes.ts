import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter, ZIdParam } from '../common.js';
import { ZBurdenPage, ZBurdenQuery, ZBurdenReport, ZFileBurdenBody, ZResolveBurdenBody } from './burden.types.js';
import { fileBurdenReport } from './file-burden-report.js';
import { getBurdenReport } from './get-burden-report.js';
import { listBurdenReports } from './list-burden-reports.js';
import { resolveBurdenReport } from './resolve-burden-report.js';

const file = createRoute({
  method: 'post',
  path: '/burden-reports',
  tags: ['burden'],
  summary: '负担码: a teacher reports a non-teaching demand (anonymous to the school)',
  request: { body: body(ZFileBurdenBody) },
  responses: { 201: json(ZBurdenReport, 'Filed'), ...errors(400, 401, 403, 422) },
});
const list = createRoute({
  method: 'get',
  path: '/burden-reports',
  tags: ['burden'],
  summary: 'The bureau’s queue of complaints, earliest deadline first',
  request: { query: ZBurdenQuery },
  responses: { 200: json(ZBurdenPage), ...errors(400, 401, 403) },
});
const get = createRoute({
  method: 'get',
  path: '/burden-reports/{id}',
  tags: ['burden'],
  summary: 'One complaint with its version (the inbox opens it to resolve)',
  request: { params: ZIdParam },
  responses: { 200: json(ZBurdenReport), ...errors(401, 403, 404) },
});
const resolve = createRoute({
  method: 'post',
  path: '/burden-reports/{id}/resolve',
  tags: ['burden'],
  request: { params: ZIdParam, body: body(ZResolveBurdenBody) },
  responses: { 200: json(ZBurdenReport), ...errors(400, 401, 403, 404, 409) },
});

export function burdenRoutes(deps: Deps) {
  return newRouter()
    .openapi(file, async (c) =>
      c.json(await fileBurdenReport(deps, { ...c.req.valid('json'), actor: signedIn(c).user }), 201),
    )
    .openapi(list, async (c) =>
      c.json(await listBurdenReports(deps, { actor: signedIn(c).user, query: c.req.valid('query') }), 200),
    )
    .openapi(get, async (c) =>
      c.json(await getBurdenReport(deps, { actor: signedIn(c).user, id: c.req.valid('param').id }), 200),
    )
    .openapi(resolve, async (c) =>
      c.json(
        await resolveBurdenReport(deps, {
          ...c.req.valid('json'),
          id: c.req.valid('param').id,
          actor: signedIn(c).user,
        }),
        200,
      ),
    );
}
