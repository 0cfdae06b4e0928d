import { createRoute } from '@hono/zod-openapi';
import { ForbiddenError } from '@casl/ability';
import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter } from '../common.js';
import { listOrgs } from './list-orgs.js';
import { ZOrgList, ZOrgQuery } from './orgs.types.js';

const list = createRoute({
  method: 'get',
  path: '/orgs',
  tags: ['orgs'],
  request: { query: ZOrgQuery },
  responses: { 200: json(ZOrgList), ...errors(400, 401, 403) },
});

export function orgRoutes(deps: Deps) {
  return newRouter().openapi(list, (c) => {
    const { ability } = signedIn(c);
    ForbiddenError.from(ability).throwUnlessCan('read', 'Organisation');
    return c.json(listOrgs(deps, c.req.valid('query')), 200);
  });
}
