import type { TAttachmentRow } from '../../db/schema.js';
import type { TAttachment } from './attachments.types.js';

export const toAttachment = (row: TAttachmentRow): TAttachment => ({
  id: row.id,
  instanceId: row.instanceId,
  field: row.field,
  name: row.name,
  mime: row.mime,
  size: row.size,
  sha256: row.sha256,
  url: `/api/attachments/${row.id}`,
  uploadedBy: row.uploadedBy,
  createdAt: row.createdAt,
});
