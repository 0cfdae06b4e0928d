import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

import { createRoute, z } from '@hono/zod-openapi';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { errors, json, newRouter } from '../common.js';
import { archiveAudit } from './archive-audit.js';
import {
  ZArchiveBody,
  ZArchiveIdParam,
  ZArchiveList,
  ZArchiveManifestOut,
  ZArchivePartQuery,
  ZArchivePreview,
  ZArchivePreviewQuery,
  ZAuditPage,
  ZAuditQuery,
  ZCheckpoint,
  ZVerifyQuery,
  ZVerifyResult,
} from './audit.types.js';
import { downloadArchive } from './download-archive.js';
import { downloadCheckpoints, listCheckpoints } from './export-checkpoints.js';
import { listArchives } from './list-archives.js';
import { listAudit } from './list-audit.js';
import { previewArchive } from './preview-archive.js';
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
    200: json(
      ZVerifyResult,
      'The chain recomputed after the last verified position (or from its anchor with full=1), then held to the checkpoint file',
    ),
    ...errors(400, 401, 403),
  },
});

const ZCheckpoints = z
  .object({ items: z.array(ZCheckpoint), unreadableLines: z.array(z.number().int()) })
  .openapi('AuditCheckpoints');
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
  responses: {
    200: { description: 'The file (application/x-ndjson), its SHA-256 in X-Content-SHA256' },
    ...errors(401, 403),
  },
});

const archivePreview = createRoute({
  method: 'get',
  path: '/audit/archive/preview',
  tags: ['audit'],
  summary:
    'How many events archiving before a day would move out of the table (default: the latest day allowed, 180 days ago)',
  request: { query: ZArchivePreviewQuery },
  responses: { 200: json(ZArchivePreview), ...errors(400, 401, 403) },
});

const archive = createRoute({
  method: 'post',
  path: '/audit/archive',
  tags: ['audit'],
  summary:
    'Archive the events before a day (≥ 180 days ago) into a verifiable file, then remove them from the table (auditor; audited)',
  request: { body: { content: { 'application/json': { schema: ZArchiveBody } }, required: true } },
  responses: {
    201: json(ZArchiveManifestOut, 'The archive written and recorded in the chain as its new anchor'),
    ...errors(400, 401, 403, 409, 422),
  },
});

const archives = createRoute({
  method: 'get',
  path: '/audit/archives',
  tags: ['audit'],
  summary: 'The audit archives kept in the data folder, newest first',
  responses: { 200: json(ZArchiveList), ...errors(401, 403) },
});

const archiveFile = createRoute({
  method: 'get',
  path: '/audit/archives/{id}',
  tags: ['audit'],
  summary: 'An archive file (gzip JSON Lines) or its manifest, to keep off the server (audited)',
  request: { params: ZArchiveIdParam, query: ZArchivePartQuery },
  responses: { 200: { description: 'application/gzip, or the manifest as JSON' }, ...errors(401, 403, 404) },
});

export function auditRoutes(deps: Deps) {
  return newRouter()
    .openapi(list, async (c) =>
      c.json(await listAudit(deps, { ability: signedIn(c).ability, query: c.req.valid('query') }), 200),
    )
    .openapi(verify, async (c) =>
      c.json(await verifyAudit(deps, { ability: signedIn(c).ability, full: c.req.valid('query').full === '1' }), 200),
    )
    .openapi(archivePreview, async (c) =>
      c.json(await previewArchive(deps, { ability: signedIn(c).ability, before: c.req.valid('query').before }), 200),
    )
    .openapi(archive, async (c) =>
      c.json(await archiveAudit(deps, { actor: signedIn(c).user, before: c.req.valid('json').before }), 201),
    )
    .openapi(archives, async (c) => c.json(await listArchives(deps, { ability: signedIn(c).ability }), 200))
    .openapi(archiveFile, async (c) => {
      const { part } = c.req.valid('query');
      const { path, name } = await downloadArchive(deps, {
        actor: signedIn(c).user,
        archiveId: c.req.valid('param').id,
        part,
      });
      const body = Readable.toWeb(createReadStream(path)) as ReadableStream;
      return c.body(body, 200, {
        'Content-Type': part === 'file' ? 'application/gzip' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'private, no-store',
      });
    })
    .openapi(checkpoints, (c) => c.json(listCheckpoints(deps, { ability: signedIn(c).ability }), 200))
    .openapi(checkpointFile, async (c) => {
      const { body, sha256 } = await downloadCheckpoints(deps, signedIn(c));
      const date = deps.clock().toISOString().slice(0, 10);
      return c.body(body, 200, {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-checkpoints-${date}.log"`,
        'Cache-Control': 'private, no-store',
        'X-Content-SHA256': sha256,
      });
    });
}
