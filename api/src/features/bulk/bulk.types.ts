import { z } from '@hono/zod-openapi';

import { ZLocalized } from '../common.js';
import { ZStartInstanceBody } from '../instances/instances.types.js';

export const ZBulkStartBody = z
  .object({
    definitionId: z.string().min(1),
    subjectOrgIds: z.array(z.string().min(1).max(100)).min(1).max(500),
    data: ZStartInstanceBody.shape.data,
    assignments: ZStartInstanceBody.shape.assignments,
  })
  .openapi('BulkStartBody');
export type TBulkStartBody = z.infer<typeof ZBulkStartBody>;

export const ZBulkStartResult = z
  .object({
    started: z.array(z.object({ orgId: z.string(), instanceId: z.string(), state: z.string() })),
    failed: z.array(
      z.object({ orgId: z.string(), code: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) }),
    ),
    ms: z.number(),
  })
  .openapi('BulkStartResult');
export type TBulkStartResult = z.infer<typeof ZBulkStartResult>;

/** The chosen subjects that already have an instance of the workflow running in the same round. */
export const ZOpenInRound = z
  .object({
    /** The data field that names the round (an inspection's round, an assessment's cycle); null when none. */
    field: z.string().nullable(),
    period: z.string().nullable(),
    items: z.array(
      z.object({
        orgId: z.string(),
        orgName: z.string(),
        instanceId: z.string(),
        title: ZLocalized,
        stateName: ZLocalized,
      }),
    ),
  })
  .openapi('OpenInRound');
export type TOpenInRound = z.infer<typeof ZOpenInRound>;
