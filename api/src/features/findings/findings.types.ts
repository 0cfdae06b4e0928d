import { z } from '@hono/zod-openapi';

import { ZSortQuery } from '../../lib/sorted-keyset.js';
import { ZPageQuery } from '../common.js';

export const ZFindingQuery = ZPageQuery.extend({
  instanceId: z.string().max(100).optional(),
  schoolId: z.string().max(100).optional(),
  round: z.string().max(100).optional(),
  status: z.enum(['open', 'closed']).optional(),
  overdue: z.enum(['1']).optional(),
  escalated: z.enum(['1']).optional(),
  /** A checklist layer as the checklist names it (物理安全 …). */
  layer: z.string().max(40).optional(),
  severity: z.enum(['high', 'medium', 'low']).optional(),
  repeat: z.enum(['1']).optional(),
  offline: z.enum(['1']).optional(),
  ...ZSortQuery.shape,
});
export type TFindingQuery = z.infer<typeof ZFindingQuery>;

export const ZFinding = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    schoolId: z.string(),
    schoolName: z.string(),
    round: z.string(),
    itemCode: z.string(),
    layer: z.string(),
    title: z.string(),
    severity: z.enum(['high', 'medium', 'low']),
    workdays: z.number(),
    dueAt: z.string(),
    overdue: z.boolean(),
    /** When the finding's own deadline timer escalated it to the bureau; null while not (yet) escalated. */
    escalatedAt: z.string().nullable(),
    /** When the school handed its rectification in for verification; null while it is the school's turn. Overdue only then. */
    rectifiedAt: z.string().nullable(),
    offlineOrdered: z.boolean(),
    /** 线下整改通知书编号, when the inspector gave the paper notice's number. */
    noticeNo: z.string().nullable(),
    /** When the inspector last returned it at verification, and why; its evidence must be newer. */
    returnedAt: z.string().nullable(),
    returnNote: z.string().nullable(),
    repeat: z.boolean(),
    status: z.enum(['open', 'closed']),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('Finding');
export const ZFindingPage = z.object({ items: z.array(ZFinding), nextCursor: z.string().nullable() });
export type TFinding = z.infer<typeof ZFinding>;
