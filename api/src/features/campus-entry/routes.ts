import { createRoute } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { body, errors, json, newRouter, ZIdParam } from '../common.js';
import { listMergeable } from './list-mergeable.js';
import { ZMergeBody, ZMergeCandidates, ZMergeResult } from './merge.types.js';
import { mergeRequests } from './merge-requests.js';

const merge = createRoute({
  method: 'post',
  path: '/campus-entry/merges',
  tags: ['campus-entry'],
  summary: '教委审核时合并同一白名单事项的进校园申请 (bureau merges requests for the same item)',
  request: { body: body(ZMergeBody) },
  responses: { 200: json(ZMergeResult, 'Merged'), ...errors(400, 401, 403, 404, 409, 422) },
});
const mergeable = createRoute({
  method: 'get',
  path: '/campus-entry/{id}/mergeable',
  tags: ['campus-entry'],
  summary: 'Requests the caller could merge into this one: same item, also at bureau review',
  request: { params: ZIdParam },
  responses: { 200: json(ZMergeCandidates), ...errors(401, 404) },
});

export function campusEntryRoutes(deps: Deps) {
  return newRouter()
    .openapi(merge, async (c) =>
      c.json(await mergeRequests(deps, { ...c.req.valid('json'), actor: signedIn(c).user }), 200),
    )
    .openapi(mergeable, async (c) =>
      c.json(await listMergeable(deps, { id: c.req.valid('param').id, actor: signedIn(c).user }), 200),
    );
}
