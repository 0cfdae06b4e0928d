import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';

import { signedIn } from '../../app-env.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { errors, json, newRouter, ZIdParam } from '../common.js';
import {
  MAX_ATTACHMENT_BYTES,
  ZAttachment,
  ZAttachmentPage,
  ZAttachmentQuery,
  ZDownloadQuery,
  ZUploadForm,
} from './attachments.types.js';
import { downloadAttachment } from './download-attachment.js';
import { INLINE_MIMES } from './file-types.js';
import { listAttachments } from './list-attachments.js';
import { uploadAttachment } from './upload-attachment.js';

const tooLarge = () => {
  throw new AppError('VALIDATION', {
    status: 413,
    fieldErrors: { file: { 'zh-CN': '文件不能超过 20 MB', en: 'Files may be at most 20 MB' } },
  });
};

const upload = createRoute({
  method: 'post',
  path: '/attachments',
  tags: ['attachments'],
  summary: 'Attach evidence to an instance (whoever may act on it); SHA-256 recorded, audited',
  // The multipart envelope adds a little to the 20 MB file.
  middleware: [bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024, onError: tooLarge })] as const,
  request: { body: { required: true, content: { 'multipart/form-data': { schema: ZUploadForm } } } },
  responses: { 201: json(ZAttachment, 'Stored'), ...errors(400, 401, 403, 404, 422) },
});

const list = createRoute({
  method: 'get',
  path: '/attachments',
  tags: ['attachments'],
  summary: "An instance's files (whoever may read it)",
  request: { query: ZAttachmentQuery },
  responses: { 200: json(ZAttachmentPage), ...errors(400, 401, 404) },
});

const download = createRoute({
  method: 'get',
  path: '/attachments/{id}',
  tags: ['attachments'],
  summary: 'Download (or, with inline=1, preview) a file; audited, but for thumb=1 (a thumbnail)',
  request: { params: ZIdParam, query: ZDownloadQuery },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errors(401, 404),
  },
});

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive every browser. */
const disposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function attachmentRoutes(deps: Deps) {
  return newRouter()
    .openapi(upload, async (c) => {
      const { user } = signedIn(c);
      return c.json(await uploadAttachment(deps, { ...c.req.valid('form'), actor: user }), 201);
    })
    .openapi(list, async (c) => {
      const { user, ability } = signedIn(c);
      return c.json(await listAttachments(deps, { user, ability, query: c.req.valid('query') }), 200);
    })
    .openapi(download, async (c) => {
      const { user, ability } = signedIn(c);
      const query = c.req.valid('query');
      const thumbnail = query.thumb === '1';
      const { row, body } = await downloadAttachment(deps, { user, ability, id: c.req.valid('param').id, thumbnail });
      const inline = (thumbnail || query.inline === '1') && INLINE_MIMES.has(row.mime);
      return c.body(body, 200, {
        'Content-Type': row.mime,
        'Content-Length': String(row.size),
        'Content-Disposition': disposition(inline ? 'inline' : 'attachment', row.name),
        'Cache-Control': 'private, no-store',
        // Evidence is never a page: no scripts even if a PDF viewer or image tries.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      });
    });
}
