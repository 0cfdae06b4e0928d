import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter, ZIdParam } from '../common.js';
import { createDelegation } from './create-delegation.js';
import { ZCreateDelegationBody, ZDelegation, ZDelegationList } from './delegations.types.js';
import { listDelegations } from './list-delegations.js';
import { revokeDelegation } from './revoke-delegation.js';

const create = createRoute({
  method: 'post',
  path: '/delegations',
  tags: ['delegations'],
  summary: 'Standing delegation: someone acts in my stead for a window (acting principal while on leave)',
  request: { body: body(ZCreateDelegationBody) },
  responses: { 201: json(ZDelegation, 'Created'), ...errors(400, 401, 403, 422) },
});
const list = createRoute({
  method: 'get',
  path: '/delegations',
  tags: ['delegations'],
  summary: 'Delegations I gave or hold',
  responses: { 200: json(ZDelegationList), ...errors(401) },
});
const revoke = createRoute({
  method: 'post',
  path: '/delegations/{id}/revoke',
  tags: ['delegations'],
  summary: 'End a delegation early',
  request: { params: ZIdParam },
  responses: { 200: json(ZDelegation), ...errors(401, 403, 404) },
});

export function delegationRoutes(deps: Deps) {
  return newRouter()
    .openapi(create, async (c) =>
      c.json(await createDelegation(deps, { ...c.req.valid('json'), actor: signedIn(c).user }), 201),
    )
    .openapi(list, async (c) => c.json(await listDelegations(deps, { actor: signedIn(c).user }), 200))
    .openapi(revoke, async (c) =>
      c.json(await revokeDelegation(deps, { id: c.req.valid('param').id, actor: signedIn(c).user }), 200),
    );
}
