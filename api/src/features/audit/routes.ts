import { createRoute } from '@hono/zod-openapi';
import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter } from '../common.js';
import { ZAuditPage, ZAuditQuery, ZVerifyResult } from './audit.types.js';
import { listAudit } from './list-audit.js';
import { verifyAudit } from './verify-audit.js';

const list = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  request: { query: ZAuditQuery },
  responses: { 200: json(ZAuditPage), ...errors(400, 401, 403) },
});

const verify = createRoute({
  method: 'get',
  path: '/audit/verify',
  tags: ['audit'],
  responses: { 200: json(ZVerifyResult, 'The chain recomputed from the first event'), ...errors(401, 403) },
});

export function auditRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, (c) => c.json(listAudit(deps, { ability: signedIn(c).ability, query: c.req.valid('query') }), 200))
    .openapi(verify, (c) => c.json(verifyAudit(deps, { ability: signedIn(c).ability }), 200));
}
