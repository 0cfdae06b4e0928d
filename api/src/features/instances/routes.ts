import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { requestHash } from '../../lib/idempotency.js';
import { body, errors, json, newRouter, ZIdParam } from '../common.js';
import { fireEvent } from './fire-event.js';
import { getHistory } from './get-history.js';
import { getInstance } from './get-instance.js';
import {
  ZEventResult,
  ZFireEventBody,
  ZHistoryItems,
  ZIdempotencyHeader,
  ZInstanceListQuery,
  ZInstancePage,
  ZInstanceView,
  ZPrecheckResult,
  ZStartInstanceBody,
} from './instances.types.js';
import { listInstances } from './list-instances.js';
import { precheckStart } from './precheck-start.js';
import { startInstance } from './start-instance.js';

const list = createRoute({
  method: 'get',
  path: '/instances',
  tags: ['instances'],
  request: { query: ZInstanceListQuery },
  responses: { 200: json(ZInstancePage), ...errors(400, 401) },
});

const get = createRoute({
  method: 'get',
  path: '/instances/{id}',
  tags: ['instances'],
  request: { params: ZIdParam },
  responses: { 200: json(ZInstanceView), ...errors(401, 404) },
});

const history = createRoute({
  method: 'get',
  path: '/instances/{id}/history',
  tags: ['instances'],
  request: { params: ZIdParam },
  responses: { 200: json(ZHistoryItems), ...errors(401, 404) },
});

const create = createRoute({
  method: 'post',
  path: '/instances',
  tags: ['instances'],
  request: { body: body(ZStartInstanceBody), headers: ZIdempotencyHeader },
  responses: { 201: json(ZInstanceView, 'Started'), ...errors(400, 401, 403, 409, 422) },
});

const precheck = createRoute({
  method: 'post',
  path: '/instances/precheck',
  tags: ['instances'],
  summary: '预检: run the start’s checks and the automatic rules without filing anything',
  request: { body: body(ZStartInstanceBody) },
  responses: { 200: json(ZPrecheckResult, 'What the checks say'), ...errors(400, 401, 403, 409, 422) },
});

const fire = createRoute({
  method: 'post',
  path: '/instances/{id}/events',
  tags: ['instances'],
  request: { params: ZIdParam, body: body(ZFireEventBody), headers: ZIdempotencyHeader },
  responses: { 200: json(ZEventResult, 'Moved'), ...errors(400, 401, 403, 404, 409, 422) },
});

const idempotency = (key: string | undefined, userId: string, method: string, path: string, payload: unknown) =>
  key ? { key, userId, requestHash: requestHash(method, path, payload) } : undefined;

export function instanceRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, async (c) => {
      const { user, ability } = signedIn(c);
      return c.json(await listInstances(deps, { user, ability, query: c.req.valid('query') }), 200);
    })
    .openapi(get, async (c) => {
      const { user, ability } = signedIn(c);
      return c.json(await getInstance(deps, { user, ability, id: c.req.valid('param').id }), 200);
    })
    .openapi(history, async (c) => {
      const { user, ability } = signedIn(c);
      return c.json(await getHistory(deps, { user, ability, id: c.req.valid('param').id }), 200);
    })
    .openapi(create, async (c) => {
      const { user } = signedIn(c);
      const input = c.req.valid('json');
      const idem = idempotency(c.req.valid('header')['idempotency-key'], user.id, 'POST', c.req.path, input);
      const result = await startInstance(deps, { ...input, actor: user, idempotency: idem });
      return c.json(result.body, 201);
    })
    .openapi(precheck, async (c) => {
      const { user } = signedIn(c);
      return c.json(await precheckStart(deps, { ...c.req.valid('json'), actor: user }), 200);
    })
    .openapi(fire, async (c) => {
      const { user } = signedIn(c);
      const { id } = c.req.valid('param');
      const { type, data, comment, expectedVersion } = c.req.valid('json');
      const idem = idempotency(
        c.req.valid('header')['idempotency-key'],
        user.id,
        'POST',
        c.req.path,
        c.req.valid('json'),
      );
      const result = await fireEvent(deps, {
        actor: user,
        instanceId: id,
        event: { type, data, comment },
        expectedVersion,
        idempotency: idem,
      });
      return c.json(result, 200);
    });
}
