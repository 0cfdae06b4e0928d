import { createRoute } from '@hono/zod-openapi';
import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter, ZIdParam } from '../common.js';
import { createDraftDefinition } from './create-draft.js';
import { ZCreateDefinitionBody, ZDefinitionDetail, ZDefinitionList, ZDefinitionQuery } from './definitions.types.js';
import { getDefinition } from './get-definition.js';
import { listDefinitions } from './list-definitions.js';
import { publishDefinition } from './publish-definition.js';

const list = createRoute({
  method: 'get',
  path: '/definitions',
  tags: ['definitions'],
  request: { query: ZDefinitionQuery },
  responses: { 200: json(ZDefinitionList), ...errors(400, 401) },
});

const get = createRoute({
  method: 'get',
  path: '/definitions/{id}',
  tags: ['definitions'],
  request: { params: ZIdParam },
  responses: { 200: json(ZDefinitionDetail), ...errors(401, 404) },
});

const create = createRoute({
  method: 'post',
  path: '/definitions',
  tags: ['definitions'],
  request: { body: body(ZCreateDefinitionBody) },
  responses: { 201: json(ZDefinitionDetail, 'Draft created'), ...errors(400, 401, 403, 422) },
});

const publish = createRoute({
  method: 'post',
  path: '/definitions/{id}/publish',
  tags: ['definitions'],
  request: { params: ZIdParam },
  responses: { 200: json(ZDefinitionDetail, 'Published'), ...errors(401, 403, 404) },
});

export function definitionRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, (c) => c.json(listDefinitions(deps, { ability: signedIn(c).ability, query: c.req.valid('query') }), 200))
    .openapi(get, (c) => c.json(getDefinition(deps, { ability: signedIn(c).ability, id: c.req.valid('param').id }), 200))
    .openapi(create, (c) => {
      const { user } = signedIn(c);
      return c.json(createDraftDefinition(deps, { definition: c.req.valid('json').definition, actor: user }), 201);
    })
    .openapi(publish, (c) => {
      const { user } = signedIn(c);
      return c.json(publishDefinition(deps, { id: c.req.valid('param').id, actor: user }), 200);
    });
}
