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

export const ZCheckpoint = z.object({ seq: z.number().int(), hash: z.string(), at: z.string() }).openapi('AuditCheckpoint');

export const ZVerifyQuery = z.object({
  full: z
    .enum(['0', '1'])
    .optional()
    .openapi({ description: '1: rehash the whole live chain from its anchor instead of only the events after the last verified position' }),
});

export const ZVerifyResult = z
  .union([
    z.object({
      ok: z.literal(true),
      count: z.number().int(),
      lastHash: z.string(),
      checkpoints: z.object({ count: z.number().int(), lastSeq: z.number().int().nullable(), lastAt: z.string().nullable() }).nullable(),
      mode: z.enum(['full', 'incremental']),
      checked: z.number().int(),
      anchor: z
        .object({ seq: z.number().int(), hash: z.string(), archiveId: z.string(), archivedAt: z.string(), cutoff: z.string() })
        .nullable()
        .openapi({ description: 'Where the live chain begins after older events were archived; null when it begins at the first event' }),
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
