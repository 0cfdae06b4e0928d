import { z } from '@hono/zod-openapi';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const ZUploadForm = z
  .object({
    file: z.instanceof(File).openapi({
      type: 'string',
      format: 'binary',
      description: '≤ 20 MB; pdf, png/jpg/gif/webp, doc(x)/xls(x)/ppt(x), zip',
    }),
    instanceId: z.string().min(1).max(100),
    field: z.string().trim().min(1).max(64).optional(),
  })
  .openapi('AttachmentUpload');
export type TUploadForm = z.infer<typeof ZUploadForm>;

export const ZAttachment = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    field: z.string().nullable(),
    name: z.string(),
    mime: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    url: z.string(),
    uploadedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('Attachment');
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZAttachmentQuery = z.object({
  instanceId: z.string().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type TAttachmentQuery = z.infer<typeof ZAttachmentQuery>;
export const ZAttachmentPage = z.object({ items: z.array(ZAttachment), nextCursor: z.string().nullable() });

export const ZDownloadQuery = z.object({
  inline: z.enum(['0', '1']).optional().openapi({ description: '1: show a PDF or image in the browser (preview)' }),
  thumb: z.enum(['1']).optional().openapi({
    description:
      '1: an image drawn small in a list (a thumbnail): served inline and not audited as a download; images only (422 otherwise)',
  }),
});
