import { createRoute, z } from '@hono/zod-openapi';
import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter } from '../common.js';
import { ZAuditPage, ZAuditQuery, ZCheckpoint, ZVerifyQuery, ZVerifyResult } from './audit.types.js';
import { downloadCheckpoints, listCheckpoints } from './export-checkpoints.js';
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
  request: { query: ZVerifyQuery },
  responses: {
    200: json(ZVerifyResult, 'The chain recomputed after the last verified position (or from its anchor with full=1), then held to the checkpoint file'),
    ...errors(400, 401, 403),
  },
});

const ZCheckpoints = z.object({ items: z.array(ZCheckpoint), unreadableLines: z.array(z.number().int()) }).openapi('AuditCheckpoints');
const checkpoints = createRoute({
  method: 'get',
  path: '/audit/checkpoints',
  tags: ['audit'],
  summary: 'The chain-head checkpoints anchored outside the database',
  responses: { 200: json(ZCheckpoints), ...errors(401, 403) },
});

const checkpointFile = createRoute({
  method: 'get',
  path: '/audit/checkpoints.log',
  tags: ['audit'],
  summary: 'The checkpoint file byte for byte, one JSON line per checkpoint, for the auditor to keep a copy (audited)',
  responses: { 200: { description: 'The file (application/x-ndjson), its SHA-256 in X-Content-SHA256' }, ...errors(401, 403) },
});

export function auditRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, (c) => c.json(listAudit(deps, { ability: signedIn(c).ability, query: c.req.valid('query') }), 200))
    .openapi(verify, async (c) => c.json(await verifyAudit(deps, { ability: signedIn(c).ability, full: c.req.valid('query').full === '1' }), 200))
    .openapi(checkpoints, (c) => c.json(listCheckpoints(deps, { ability: signedIn(c).ability }), 200))
    .openapi(checkpointFile, (c) => {
      const { body, sha256 } = downloadCheckpoints(deps, signedIn(c));
      const date = deps.clock().toISOString().slice(0, 10);
      return c.body(body, 200, {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-checkpoints-${date}.log"`,
        'Cache-Control': 'private, no-store',
        'X-Content-SHA256': sha256,
      });
    });
}
