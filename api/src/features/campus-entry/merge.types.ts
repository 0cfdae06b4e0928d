import { z } from '@hono/zod-openapi';

import { ZLocalized } from '../common.js';

const ZVersioned = z.object({ id: z.string().min(1).max(100), expectedVersion: z.number().int().positive() });

export const ZMergeBody = z
  .object({
    /** The request that stays: its date, title and requester are kept. */
    survivor: ZVersioned,
    /** The requests folded into it; each ends as 已合并 with a link to the survivor. */
    absorbed: z.array(ZVersioned).min(1).max(20),
    comment: z.string().trim().max(2000).optional(),
  })
  .openapi('MergeCampusEntryBody');
export type TMergeBody = z.infer<typeof ZMergeBody>;

export const ZMergeResult = z
  .object({
    survivorId: z.string(),
    version: z.number(),
    schoolIds: z.array(z.string()),
    studentHours: z.number().nullable(),
    teacherHours: z.number().nullable(),
    mergedFrom: z.array(z.string()),
  })
  .openapi('MergeCampusEntryResult');
export type TMergeResult = z.infer<typeof ZMergeResult>;

/** A request the caller could fold into the one they are reviewing: same item, also at bureau review. */
export const ZMergeCandidate = z
  .object({
    id: z.string(),
    version: z.number(),
    /** What it is called: the title its definition declares, else the workflow's name. */
    title: ZLocalized,
    itemCode: z.string(),
    /** Its period as the definition declares it: the rule set's activity date. */
    activityDate: z.string().nullable(),
    schoolNames: z.array(z.string()),
    requester: z.string(),
    createdAt: z.string(),
  })
  .openapi('MergeCandidate');
export const ZMergeCandidates = z.object({ items: z.array(ZMergeCandidate) }).openapi('MergeCandidates');
export type TMergeCandidates = z.infer<typeof ZMergeCandidates>;
