import { z } from '@hono/zod-openapi';

import { ZPageQuery } from '../common.js';

export const ZFileBurdenBody = z
  .object({
    /** Code of an item on the published 减负清单, or `other`. */
    burdenItem: z.string().min(1).max(20),
    description: z.string().trim().min(5).max(2000),
    hours: z.number().int().min(0).max(200).optional(),
  })
  .openapi('FileBurdenReportBody');
export type TFileBurdenBody = z.infer<typeof ZFileBurdenBody>;

export const ZResolveBurdenBody = z
  .object({ resolution: z.string().trim().min(2).max(2000), expectedVersion: z.number().int().positive() })
  .openapi('ResolveBurdenReportBody');
export type TResolveBurdenBody = z.infer<typeof ZResolveBurdenBody>;

export const ZBurdenQuery = ZPageQuery.extend({ status: z.enum(['open', 'resolved']).optional() });
export type TBurdenQuery = z.infer<typeof ZBurdenQuery>;

/** What the bureau sees; the reporter is never shown (anonymous to the school, and kept out of the answer). */
export const ZBurdenReport = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    schoolName: z.string(),
    burdenItem: z.string(),
    /** The item's name on the published 减负清单; null for `other` or a code no longer listed. */
    burdenItemName: z.string().nullable(),
    description: z.string(),
    hours: z.number().nullable(),
    status: z.enum(['open', 'resolved']),
    dueAt: z.string(),
    overdue: z.boolean(),
    resolution: z.string().nullable(),
    version: z.number(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .openapi('BurdenReport');
export type TBurdenReport = z.infer<typeof ZBurdenReport>;
export const ZBurdenPage = z.object({ items: z.array(ZBurdenReport), nextCursor: z.string().nullable() });
