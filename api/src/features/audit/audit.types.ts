import { z } from '@hono/zod-openapi';

import { page, ZIsoDate, ZLocalized, ZPageQuery } from '../common.js';

export const ZAuditEvent = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    outcome: z.enum(['success', 'denied', 'failed']),
    before: z.unknown(),
    after: z.unknown(),
    meta: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEvent');

export const ZAuditPage = page(ZAuditEvent);
export const ZAuditItems = z.object({ items: z.array(ZAuditEvent) });

export const ZAuditQuery = ZPageQuery.extend({
  actorId: z.string().optional(),
  action: z.string().optional(),
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  outcome: z.enum(['success', 'denied', 'failed']).optional(),
  from: z.union([z.iso.date(), ZIsoDate]).optional(),
  to: z.union([z.iso.date(), ZIsoDate]).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZCheckpoint = z
  .object({ seq: z.number().int(), hash: z.string(), at: z.string() })
  .openapi('AuditCheckpoint');

export const ZVerifyQuery = z.object({
  full: z.enum(['0', '1']).optional().openapi({
    description:
      '1: rehash the whole live chain from its anchor instead of only the events after the last verified position',
  }),
});

export const ZVerifyResult = z
  .union([
    z.object({
      ok: z.literal(true),
      count: z.number().int(),
      lastHash: z.string(),
      checkpoints: z
        .object({ count: z.number().int(), lastSeq: z.number().int().nullable(), lastAt: z.string().nullable() })
        .nullable(),
      mode: z.enum(['full', 'incremental']),
      checked: z.number().int(),
      anchor: z
        .object({
          seq: z.number().int(),
          hash: z.string(),
          archiveId: z.string(),
          archivedAt: z.string(),
          cutoff: z.string(),
        })
        .nullable()
        .openapi({
          description:
            'Where the live chain begins after older events were archived; null when it begins at the first event',
        }),
      fullAt: z.string().nullable(),
    }),
    z.object({
      ok: z.literal(false),
      count: z.number().int(),
      brokenAt: z.number().int(),
      reason: z.string(),
      message: ZLocalized,
      missing: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
    }),
  ])
  .openapi('AuditVerifyResult');

const ZDay = z.iso.date().openapi({ description: 'A district day (Beijing time), YYYY-MM-DD' });

export const ZArchiveBody = z.object({
  before: ZDay.openapi({ description: 'Archive the events before the start of this day; at the latest 180 days ago' }),
});
export const ZArchivePreviewQuery = z.object({ before: ZDay.optional() });

export const ZArchivePreview = z
  .object({
    before: z.string(),
    cutoff: z.string().openapi({ description: 'The instant the day begins: events before it would be archived' }),
    latestBefore: z.string().openapi({ description: 'The latest day allowed (180 days ago)' }),
    retentionDays: z.number().int(),
    allowed: z.boolean(),
    count: z.number().int(),
    fromSeq: z.number().int().nullable(),
    throughSeq: z.number().int().nullable(),
    firstAt: z.string().nullable(),
    lastAt: z.string().nullable(),
  })
  .openapi('AuditArchivePreview');
export type TArchivePreview = z.infer<typeof ZArchivePreview>;

export const ZArchiveManifestOut = z
  .object({
    format: z.string(),
    version: z.number().int(),
    archiveId: z.string(),
    file: z.string(),
    sha256: z.string(),
    bytes: z.number().int(),
    createdAt: z.string(),
    createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    cutoff: z.string(),
    fromSeq: z.number().int(),
    throughSeq: z.number().int(),
    count: z.number().int(),
    firstAt: z.string(),
    lastAt: z.string(),
    firstPrevHash: z.string(),
    lastHash: z.string(),
    firstKeptSeq: z.number().int(),
    firstKeptPrevHash: z.string(),
  })
  .openapi('AuditArchiveManifest');

export const ZArchiveList = z
  .object({
    items: z.array(
      ZArchiveManifestOut.extend({
        recordedAt: z.string().nullable().openapi({
          description: 'When the live chain recorded it; null once a later archive moved that record into its own file',
        }),
        recordedSeq: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('AuditArchiveList');

export const ZArchiveIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const ZArchivePartQuery = z.object({ part: z.enum(['file', 'manifest']).default('file') });
