import { z } from '@hono/zod-openapi';
import { ZLocalized } from '../common.js';

export const ZBulkTasksBody = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('chase'), taskIds: z.array(z.string().min(1).max(100)).min(1).max(500) }),
    z.object({
      action: z.literal('reassign'),
      fromUserId: z.string().min(1).max(100),
      toUserId: z.string().min(1).max(100),
      taskIds: z.array(z.string().min(1).max(100)).max(500).optional().openapi({ description: 'Only these of fromUser’s open tasks; all when omitted' }),
    }),
  ])
  .openapi('BulkTasksBody');
export type TBulkTasksBody = z.infer<typeof ZBulkTasksBody>;

export const ZBulkTasksResult = z
  .object({
    done: z.number().int(),
    failed: z.array(z.object({ taskId: z.string(), code: z.string(), message: ZLocalized })),
  })
  .openapi('BulkTasksResult');
export type TBulkTasksResult = z.infer<typeof ZBulkTasksResult>;
