import { ForbiddenError } from '@casl/ability';
import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter, ZIdParam } from '../common.js';
import { createOrganisation } from './create-organisation.js';
import { listOrgs } from './list-orgs.js';
import { ZCreateOrganisationBody, ZOrg, ZOrgList, ZOrgQuery, ZUpdateOrganisation } from './orgs.types.js';
import { updateOrganisation } from './update-organisation.js';

const list = createRoute({
  method: 'get',
  path: '/orgs',
  tags: ['orgs'],
  request: { query: ZOrgQuery },
  responses: { 200: json(ZOrgList), ...errors(400, 401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/orgs',
  tags: ['orgs'],
  summary: 'Add a group, school or department (bureauAdmin)',
  request: { body: body(ZCreateOrganisationBody) },
  responses: { 201: json(ZOrg, 'Created'), ...errors(400, 401, 403, 422) },
});

const update = createRoute({
  method: 'patch',
  path: '/orgs/{id}',
  tags: ['orgs'],
  summary: 'Rename or move an organisation (bureauAdmin); 409 on a stale expectedVersion',
  request: { params: ZIdParam, body: body(ZUpdateOrganisation) },
  responses: { 200: json(ZOrg), ...errors(400, 401, 403, 404, 409, 422) },
});

export function orgRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, async (c) => {
      const { ability } = signedIn(c);
      ForbiddenError.from(ability).throwUnlessCan('read', 'Organisation');
      return c.json(await listOrgs(deps, c.req.valid('query')), 200);
    })
    .openapi(create, async (c) => {
      const { user } = signedIn(c);
      return c.json(await createOrganisation(deps, { ...c.req.valid('json'), actor: user }), 201);
    })
    .openapi(update, async (c) => {
      const { user } = signedIn(c);
      return c.json(
        await updateOrganisation(deps, { ...c.req.valid('json'), id: c.req.valid('param').id, actor: user }),
        200,
      );
    });
}
