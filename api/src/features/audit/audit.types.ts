import { z } from '@hono/zod-openapi';
import { page, ZIsoDate, ZPageQuery } from '../common.js';

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

export const ZVerifyResult = z
  .union([
    z.object({ ok: z.literal(true), count: z.number().int(), lastHash: z.string() }),
    z.object({ ok: z.literal(false), count: z.number().int(), brokenAt: z.number().int(), reason: z.string() }),
  ])
  .openapi('AuditVerifyResult');
