import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter, ZIdParam } from '../common.js';
import { createUserAccount } from './create-user-account.js';
import { listUsers } from './list-users.js';
import { updateUser } from './update-user.js';
import { ZCreatedUser, ZCreateUserBody, ZUpdateUserBody, ZUserPage, ZUserQuery } from './users.types.js';

const list = createRoute({
  method: 'get',
  path: '/users',
  tags: ['users'],
  summary: 'Directory and people picker (bureau roles: everyone; others: their own part of the org tree)',
  request: { query: ZUserQuery },
  responses: { 200: json(ZUserPage), ...errors(400, 401) },
});

const create = createRoute({
  method: 'post',
  path: '/users',
  tags: ['users'],
  summary:
    'Create an account (bureauAdmin: without a privileged role; securityAdmin: with one — 三权分立, ADR 0014); a generated password is returned once when none is given; 422 SEPARATION_OF_DUTIES for two of bureauAdmin, securityAdmin, auditor',
  request: { body: body(ZCreateUserBody) },
  responses: { 201: json(ZCreatedUser, 'Created'), ...errors(400, 401, 403, 422) },
});

const update = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['users'],
  summary:
    'Rename, disable, re-grant roles, reset password or two-factor (bureauAdmin: ordinary accounts and roles; securityAdmin: privileged accounts and any grant; never one’s own roles); 409 on a stale expectedVersion; 422 SEPARATION_OF_DUTIES',
  request: { params: ZIdParam, body: body(ZUpdateUserBody) },
  responses: {
    200: json(ZCreatedUser, 'The user; `password` only after a reset'),
    ...errors(400, 401, 403, 404, 409, 422),
  },
});

export function userRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, async (c) => {
      const { ability } = signedIn(c);
      return c.json(await listUsers(deps, { ability, query: c.req.valid('query') }), 200);
    })
    .openapi(create, async (c) => {
      const { user } = signedIn(c);
      return c.json(await createUserAccount(deps, { ...c.req.valid('json'), actor: user }), 201);
    })
    .openapi(update, async (c) => {
      const { user } = signedIn(c);
      return c.json(await updateUser(deps, { ...c.req.valid('json'), id: c.req.valid('param').id, actor: user }), 200);
    });
}
