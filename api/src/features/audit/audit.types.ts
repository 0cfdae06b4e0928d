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

export const ZVerifyResult = z
  .union([
    z.object({
      ok: z.literal(true),
      count: z.number().int(),
      lastHash: z.string(),
      checkpoints: z.object({ count: z.number().int(), lastSeq: z.number().int().nullable(), lastAt: z.string().nullable() }).nullable(),
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
