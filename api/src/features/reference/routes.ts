import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter } from '../common.js';
import { createReference } from './create-reference.js';
import { listReference } from './load-reference.js';
import { publishReference } from './publish-reference.js';
import {
  KIND_OF_PATH,
  ZCreateReferenceBody,
  ZKindIdParam,
  ZKindParam,
  ZReference,
  ZReferenceList,
  ZReferenceQuery,
} from './reference.types.js';

const list = createRoute({
  method: 'get',
  path: '/reference/{kind}',
  tags: ['reference'],
  summary: 'Versioned reference data: indicator-system, whitelist, checklist, award-rubric',
  request: { params: ZKindParam, query: ZReferenceQuery },
  responses: { 200: json(ZReferenceList), ...errors(400, 401) },
});

const create = createRoute({
  method: 'post',
  path: '/reference/{kind}',
  tags: ['reference'],
  summary: 'New draft version (bureauAdmin)',
  request: { params: ZKindParam, body: body(ZCreateReferenceBody) },
  responses: { 201: json(ZReference, 'Draft created'), ...errors(400, 401, 403, 409, 422) },
});

const publish = createRoute({
  method: 'post',
  path: '/reference/{kind}/{id}/publish',
  tags: ['reference'],
  summary: 'Publish a draft; published versions are immutable (bureauAdmin)',
  request: { params: ZKindIdParam },
  responses: { 200: json(ZReference, 'Published'), ...errors(401, 403, 404, 409) },
});

export function referenceRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, async (c) =>
      c.json(
        await listReference(deps, {
          ability: signedIn(c).ability,
          kind: KIND_OF_PATH[c.req.valid('param').kind],
          query: c.req.valid('query'),
        }),
        200,
      ),
    )
    .openapi(create, async (c) =>
      c.json(
        await createReference(deps, {
          ...c.req.valid('json'),
          kind: KIND_OF_PATH[c.req.valid('param').kind],
          actor: signedIn(c).user,
        }),
        201,
      ),
    )
    .openapi(publish, async (c) => {
      const { kind, id } = c.req.valid('param');
      return c.json(await publishReference(deps, { kind: KIND_OF_PATH[kind], id, actor: signedIn(c).user }), 200);
    });
}
