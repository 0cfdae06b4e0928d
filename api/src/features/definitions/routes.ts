import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter, ZIdParam } from '../common.js';
import { checkPublish } from './check-publish.js';
import { cloneDefinition } from './clone-definition.js';
import { createDraftDefinition } from './create-draft.js';
import {
  ZCloneBody,
  ZCreateDefinitionBody,
  ZDefinitionDetail,
  ZDefinitionList,
  ZDefinitionQuery,
  ZDiffQuery,
  ZDiffResult,
  ZDraftSaved,
  ZMigrationBody,
  ZMigrationResult,
  ZPublishCheck,
  ZPublishQuery,
  ZStartSubjects,
  ZUpdateDraftBody,
} from './definitions.types.js';
import { exportDefinition } from './export-definition.js';
import { getDefinition } from './get-definition.js';
import { getDiff } from './get-diff.js';
import { listDefinitions } from './list-definitions.js';
import { listStartSubjects } from './list-start-subjects.js';
import { migrateInstances } from './migrate-instances.js';
import { publishDefinition } from './publish-definition.js';
import { updateDraft } from './update-draft.js';

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

const startSubjects = createRoute({
  method: 'get',
  path: '/definitions/{id}/start-subjects',
  tags: ['definitions'],
  summary: 'The organisations the caller may start this workflow about (the start form offers only these)',
  request: { params: ZIdParam },
  responses: { 200: json(ZStartSubjects), ...errors(401, 404) },
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
  request: { params: ZIdParam, query: ZPublishQuery },
  responses: { 200: json(ZDefinitionDetail, 'Published'), ...errors(401, 403, 404, 409, 422) },
});

const publishCheck = createRoute({
  method: 'get',
  path: '/definitions/{id}/publish-check',
  tags: ['definitions'],
  request: { params: ZIdParam },
  responses: {
    200: json(ZPublishCheck, 'What publishing would drop or strand; asked for confirmation first'),
    ...errors(401, 404),
  },
});

const update = createRoute({
  method: 'put',
  path: '/definitions/{id}',
  tags: ['definitions'],
  request: { params: ZIdParam, body: body(ZUpdateDraftBody) },
  responses: {
    200: json(ZDraftSaved, 'Draft saved; errors lists what still blocks publishing'),
    ...errors(400, 401, 403, 404, 409, 422),
  },
});

const clone = createRoute({
  method: 'post',
  path: '/definitions/clone',
  tags: ['definitions'],
  request: { body: body(ZCloneBody) },
  responses: {
    201: json(ZDefinitionDetail, 'Draft created from a template or a definition'),
    ...errors(400, 401, 403, 404, 422),
  },
});

const diff = createRoute({
  method: 'get',
  path: '/definitions/{id}/diff',
  tags: ['definitions'],
  request: { params: ZIdParam, query: ZDiffQuery },
  responses: {
    200: json(ZDiffResult, 'Changes against ?against= or the previous published version'),
    ...errors(401, 404),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/definitions/{id}/export',
  tags: ['definitions'],
  request: { params: ZIdParam },
  responses: { 200: { description: 'The definition document as a JSON file' }, ...errors(401, 404) },
});

const migrate = createRoute({
  method: 'post',
  path: '/definitions/{id}/migrations',
  tags: ['definitions'],
  request: { params: ZIdParam, body: body(ZMigrationBody) },
  responses: {
    200: json(ZMigrationResult, 'Dry run (default) or migration of running instances to this version'),
    ...errors(400, 401, 403, 404, 422),
  },
});

export function definitionRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, async (c) =>
      c.json(
        await listDefinitions(deps, {
          ability: signedIn(c).ability,
          actor: signedIn(c).user,
          query: c.req.valid('query'),
        }),
        200,
      ),
    )
    .openapi(get, async (c) =>
      c.json(await getDefinition(deps, { ability: signedIn(c).ability, id: c.req.valid('param').id }), 200),
    )
    .openapi(startSubjects, async (c) =>
      c.json(
        await listStartSubjects(deps, {
          actor: signedIn(c).user,
          ability: signedIn(c).ability,
          id: c.req.valid('param').id,
        }),
        200,
      ),
    )
    .openapi(create, async (c) => {
      const { user } = signedIn(c);
      return c.json(
        await createDraftDefinition(deps, { definition: c.req.valid('json').definition, actor: user }),
        201,
      );
    })
    .openapi(publish, async (c) => {
      const { user } = signedIn(c);
      return c.json(
        await publishDefinition(deps, {
          id: c.req.valid('param').id,
          actor: user,
          confirm: c.req.valid('query').confirm === '1',
        }),
        200,
      );
    })
    .openapi(publishCheck, async (c) =>
      c.json(await checkPublish(deps, { ability: signedIn(c).ability, id: c.req.valid('param').id }), 200),
    )
    .openapi(update, async (c) => {
      const { user } = signedIn(c);
      return c.json(await updateDraft(deps, { ...c.req.valid('json'), id: c.req.valid('param').id, actor: user }), 200);
    })
    .openapi(clone, async (c) =>
      c.json(await cloneDefinition(deps, { ...c.req.valid('json'), actor: signedIn(c).user }), 201),
    )
    .openapi(diff, async (c) =>
      c.json(
        await getDiff(deps, {
          ability: signedIn(c).ability,
          id: c.req.valid('param').id,
          against: c.req.valid('query').against,
        }),
        200,
      ),
    )
    .openapi(exportRoute, async (c) => {
      const file = await exportDefinition(deps, { ability: signedIn(c).ability, id: c.req.valid('param').id });
      return c.body(file.body, 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.filename}"`,
      });
    })
    .openapi(migrate, async (c) => {
      const { user } = signedIn(c);
      return c.json(
        await migrateInstances(deps, { ...c.req.valid('json'), toDefinitionId: c.req.valid('param').id, actor: user }),
        200,
      );
    });
}
