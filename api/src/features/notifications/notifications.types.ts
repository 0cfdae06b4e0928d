import { z } from '@hono/zod-openapi';

import { ZLocalized } from '../common.js';
import { ZRuleReason } from '../instances/instances.types.js';

// `security`: an account's powers changed (or someone tried) — sent to the auditors (三权分立).
// `returned`: a collector sent the recipient's part back (the reason is in the title).
// `refused`: a request's automatic checks refused it — sent to who filed it, with each rule and why.
export const NOTIFICATION_KINDS = [
  'entered',
  'reminder',
  'escalation',
  'chase',
  'copy',
  'sign',
  'returned',
  'security',
  'refused',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS).openapi('NotificationKind');
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

export const ZNotificationQuery = z.object({
  unread: z.enum(['0', '1']).optional().openapi({ description: '1: only unread' }),
  kind: ZNotificationKind.optional().openapi({ description: 'only this kind' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type TNotificationQuery = z.infer<typeof ZNotificationQuery>;

export const ZNotification = z
  .object({
    id: z.string(),
    kind: ZNotificationKind,
    instanceId: z.string().nullable(),
    state: z.string().nullable(),
    entityType: z
      .string()
      .nullable()
      .openapi({ description: 'What a notice not about an instance concerns (security: `User`)' }),
    entityId: z.string().nullable(),
    title: ZLocalized,
    /** What happened, in a sentence, where the title alone does not say it (a deadline passed, checks refused). */
    detail: ZLocalized.nullable(),
    /** `refused`: each rule the automatic checks found not met, and why. */
    reasons: z.array(ZRuleReason).nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    /** A to-do notice whose task has closed since: nothing is asked of the reader any more (已办结). */
    resolvedAt: z.string().nullable(),
  })
  .openapi('Notification');
export type TNotification = z.infer<typeof ZNotification>;
export const ZNotificationPage = z.object({ items: z.array(ZNotification), nextCursor: z.string().nullable() });
export const ZReadAllResult = z.object({
  marked: z.number().int().openapi({ description: 'how many of the caller’s unread notifications were marked read' }),
});
export type TReadAllResult = z.infer<typeof ZReadAllResult>;
